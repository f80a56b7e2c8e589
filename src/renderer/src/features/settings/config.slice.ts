import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import { toApiError } from '../../../../shared/api/client';
import type { ApiError, ApiResult } from '../../../../shared/api/result';
import type { BundleAction, BundlePreview } from '../../../../shared/domain/bundle-preview';
import type { AppState } from '../../app/store';

export type ConfigImportReport = ApiOutput<'bundles.import'>;
export type BundleExport = ApiOutput<'bundles.export'>;

export interface ConfigImportState {
  state: 'previewing' | 'previewed' | 'importing' | 'done' | 'failed';
  /** The file's parsed JSON, sent as it is: the core checks it and names the fields at fault. */
  file?: unknown;
  fileName?: string;
  preview?: BundlePreview;
  report?: ConfigImportReport;
  error?: ApiError;
}

/** How many rows of each kind the workspaces hold, over every environment. */
export interface WorkspaceCounts {
  users: number;
  objects: number;
  tenants: number;
  subscriptions: number;
  audienceMembers: number;
}

export interface ConfigSlice {
  configImport: ConfigImportState | null;
  /** What "Include the workspace" would carry; null when it could not be counted. */
  countWorkspace(): Promise<WorkspaceCounts | null>;
  exportBundle(input: ApiInput<'bundles.export'>): Promise<ApiResult<BundleExport>>;
  /** Asks what importing the file would do here; nothing is written. */
  previewBundle(file: unknown, fileName: string): Promise<void>;
  /** Imports the previewed file with a choice per item; the report (created, replaced, skipped, scripts) stays until cleared. */
  importBundle(options: { passphrase?: string | undefined; choices: Record<string, BundleAction> }): Promise<void>;
  clearConfigImport(): void;
}

export const createConfigSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ConfigSlice> =>
  (set, get) => ({
    configImport: null,
    exportBundle: (input) => api.result('bundles.export', input),
    async countWorkspace() {
      const totals: WorkspaceCounts = { users: 0, objects: 0, tenants: 0, subscriptions: 0, audienceMembers: 0 };
      try {
        // One row per page: only the totals are read.
        await Promise.all(get().environments.map(async ({ key }) => {
          const q = { environment: key, limit: 1 };
          const [u, o, t, s, m] = await Promise.all([
            api.call('workspace.users', q), api.call('workspace.objects', q), api.call('workspace.tenants', q),
            api.call('workspace.subscriptions', q), api.call('workspace.audienceMembers', q),
          ]);
          totals.users += u.total;
          totals.objects += o.total;
          totals.tenants += t.total;
          totals.subscriptions += s.total;
          totals.audienceMembers += m.total;
        }));
        return totals;
      } catch {
        return null;
      }
    },
    async previewBundle(file, fileName) {
      set({ configImport: { state: 'previewing', file, fileName } });
      try {
        const preview = await api.call('bundles.preview', { file });
        set({ configImport: { state: 'previewed', file, fileName, preview } });
      } catch (error) {
        set({ configImport: { state: 'failed', fileName, error: toApiError(error) } });
      }
    },
    async importBundle({ passphrase, choices }) {
      const current = get().configImport;
      if (!current || current.state !== 'previewed') return;
      set({ configImport: { ...current, state: 'importing' } });
      try {
        const report = await api.call('bundles.import', { file: current.file, choices, ...(passphrase ? { passphrase } : {}) });
        set({ configImport: { state: 'done', report } });
        // New sources and environments show at once, without waiting for the push.
        await Promise.all([get().loadSources(), get().loadEnvironments().catch(() => undefined)]);
      } catch (error) {
        // The preview stays, so a wrong passphrase can be typed again.
        set({ configImport: { ...current, state: 'previewed', error: toApiError(error) } });
      }
    },
    clearConfigImport: () => set({ configImport: null }),
  });
