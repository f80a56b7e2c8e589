import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import { toApiError } from '../../../../shared/api/client';
import type { ApiError, ApiResult } from '../../../../shared/api/result';
import type { ExportFile } from '../../../../shared/domain/export';
import type { AppState } from '../../app/store';

export type ConfigImportReport = ApiOutput<'config.import'>;
export type ConflictHandling = NonNullable<ApiInput<'config.import'>['onConflict']>;

export interface ConfigImportState {
  state: 'importing' | 'done' | 'failed';
  report?: ConfigImportReport;
  error?: ApiError;
}

export interface ConfigSlice {
  configImport: ConfigImportState | null;
  exportConfig(input: ApiInput<'config.export'>): Promise<ApiResult<ExportFile>>;
  /** Applies a file; the report (created, skipped, scripts awaiting approval) stays until cleared. */
  importConfig(file: ExportFile, onConflict: ConflictHandling): Promise<void>;
  clearConfigImport(): void;
}

export const createConfigSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ConfigSlice> =>
  (set, get) => ({
    configImport: null,
    exportConfig: (input) => api.result('config.export', input),
    async importConfig(file, onConflict) {
      if (get().configImport?.state === 'importing') return;
      set({ configImport: { state: 'importing' } });
      try {
        const report = await api.call('config.import', { file, onConflict });
        set({ configImport: { state: 'done', report } });
        // New sources and environments show at once, without waiting for the push.
        await Promise.all([get().loadSources(), get().loadEnvironments().catch(() => undefined)]);
      } catch (error) {
        set({ configImport: { state: 'failed', error: toApiError(error) } });
      }
    },
    clearConfigImport: () => set({ configImport: null }),
  });
