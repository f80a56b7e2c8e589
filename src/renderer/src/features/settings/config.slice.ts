import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import type { ExportFile } from '../../../../shared/domain/export';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';

export type ConfigImportReport = ApiOutput<'config.import'>;
export type ConflictHandling = NonNullable<ApiInput<'config.import'>['onConflict']>;

export interface ConfigImportState {
  state: 'importing' | 'done' | 'failed';
  report?: ConfigImportReport;
  error?: string;
}

export interface ConfigSlice {
  configImport: ConfigImportState | null;
  exportConfig(input: ApiInput<'config.export'>): Promise<{ ok: true; file: ExportFile } | { ok: false; error: string }>;
  /** Applies a file; the report (created, skipped, scripts awaiting approval) stays until cleared. */
  importConfig(file: ExportFile, onConflict: ConflictHandling): Promise<void>;
  clearConfigImport(): void;
}

export const createConfigSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ConfigSlice> =>
  (set, get) => ({
    configImport: null,
    async exportConfig(input) {
      try {
        return { ok: true, file: await api.call('config.export', input) };
      } catch (error) {
        return { ok: false, error: describeError(error) };
      }
    },
    async importConfig(file, onConflict) {
      if (get().configImport?.state === 'importing') return;
      set({ configImport: { state: 'importing' } });
      try {
        const report = await api.call('config.import', { file, onConflict });
        set({ configImport: { state: 'done', report } });
        // New sources and environments show at once, without waiting for the push.
        await Promise.all([get().loadSources(), get().loadEnvironments().catch(() => undefined)]);
      } catch (error) {
        set({ configImport: { state: 'failed', error: describeError(error) } });
      }
    },
    clearConfigImport: () => set({ configImport: null }),
  });
