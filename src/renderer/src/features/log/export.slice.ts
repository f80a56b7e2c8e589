import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { LogExportFormat, LogExportPreview, LogExportRequestInput, LogExportSummary } from '../../../../shared/domain/log-export';
import { REDACTION_DETECTORS, RedactionRulesSchema, type RedactionRule, type RedactionRules } from '../../../../shared/domain/redaction';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';
import { defaultSaver, type ExportSaver } from './export-save';

export interface ExportSettings {
  format: LogExportFormat;
  redact: boolean;
  detectors: RedactionRules['detectors'];
  /** As typed: a rule with an empty value is left out, an invalid one is named before anything runs. */
  rules: RedactionRule[];
  /** Add the environment's workspace snapshot; only a bundle carries one, so other formats leave it out. */
  workspace: boolean;
}

export interface ExportJob {
  state: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  bytes: number;
  error?: string;
  summary?: LogExportSummary | null;
  fileName?: string | null;
}

export interface ExportSlice {
  exportSettings: ExportSettings;
  exportPreview: { status: 'idle' | 'loading' | 'error'; value: LogExportPreview | null; error: string | null };
  exportJob: ExportJob | null;
  setExportSettings(patch: Partial<ExportSettings>): void;
  /** The first redacted items of the file the log's filter and these settings make. */
  loadExportPreview(): Promise<void>;
  /** Saves the file (desktop: where the Save dialog says; browser: a download), with progress. */
  startExport(): Promise<void>;
  cancelExport(): void;
  clearExport(): void;
}

const PREVIEW_ITEMS = 3;

const ruleValue = (r: RedactionRule) => (r.kind === 'path' ? r.path : r.kind === 'header' ? r.name : r.pattern);

/** The export request for the log as filtered now, or the reason it can't be made. */
function requestOf(state: AppState): { ok: true; request: LogExportRequestInput } | { ok: false; error: string } {
  const query = state.currentLogQuery();
  if (query === null) return { ok: false, error: 'Choose an environment first.' };
  const { format, redact, detectors, rules, workspace } = state.exportSettings;
  const base = { format, filter: query, ...(format === 'bundle' && workspace ? { workspace: true } : {}) };
  if (!redact) return { ok: true, request: base };
  const parsed = RedactionRulesSchema.safeParse({ detectors, rules: rules.filter((r) => ruleValue(r).trim() !== '') });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path[1];
    return { ok: false, error: `Rule ${typeof at === 'number' ? at + 1 : ''} ${issue?.message ?? 'is invalid'}`.replace(/\s+/g, ' ') };
  }
  return { ok: true, request: { ...base, redaction: parsed.data } };
}

/** How long a finished export still takes its count from progress pushes. */
const LATE_COUNT_MS = 5_000;

export const createExportSlice =
  (api: ApiClient, save: ExportSaver = defaultSaver(api)): StateCreator<AppState, [], [], ExportSlice> =>
  (set, get) => {
    let abort: AbortController | null = null;
    let previewGeneration = 0;
    const patchJob = (patch: Partial<ExportJob>) => {
      const job = get().exportJob;
      if (job) set({ exportJob: { ...job, ...patch } });
    };

    return {
      exportSettings: {
        format: 'jsonl',
        redact: true,
        detectors: Object.fromEntries(REDACTION_DETECTORS.map((d) => [d, true])) as RedactionRules['detectors'],
        rules: [],
        workspace: false,
      },
      exportPreview: { status: 'idle', value: null, error: null },
      exportJob: null,
      setExportSettings: (patch) => set({ exportSettings: { ...get().exportSettings, ...patch } }),

      async loadExportPreview() {
        const mine = ++previewGeneration;
        const made = requestOf(get());
        if (!made.ok) return set({ exportPreview: { status: 'error', value: null, error: made.error } });
        set({ exportPreview: { ...get().exportPreview, status: 'loading', error: null } });
        const result = await api.result('exports.preview', { ...made.request, limit: PREVIEW_ITEMS });
        if (mine !== previewGeneration) return;
        set({ exportPreview: result.ok ? { status: 'idle', value: result.value, error: null } : { status: 'error', value: null, error: result.error.message } });
      },

      async startExport() {
        if (get().exportJob?.state === 'running') return;
        const made = requestOf(get());
        if (!made.ok) return set({ exportJob: { state: 'failed', done: 0, total: 0, bytes: 0, error: made.error } });
        const exportId = `ui-${Date.now()}-${Math.random().toString(36).slice(2)}`;
        abort = new AbortController();
        set({ exportJob: { state: 'running', done: 0, total: get().exportPreview.value?.total ?? 0, bytes: 0 } });
        const stop = api.on('exports.progress', (p) => {
          if (p.exportId === exportId && p.state !== 'failed') patchJob({ done: p.done, total: Math.max(p.total, p.done) });
        });
        try {
          const outcome = await save(made.request, { exportId, signal: abort.signal, onBytes: (bytes) => patchJob({ bytes }) });
          if (!outcome.saved) return set({ exportJob: null });
          patchJob({ state: 'done', summary: outcome.summary, fileName: outcome.fileName, ...(outcome.summary ? { done: outcome.summary.count } : {}) });
        } catch (error) {
          patchJob(abort.signal.aborted ? { state: 'cancelled' } : { state: 'failed', error: describeError(error) });
        } finally {
          abort = null;
          // In the browser the count comes only with the host's last exports.progress push (fetch
          // can't read the trailer that carries the summary), which may land after the file has.
          setTimeout(stop, LATE_COUNT_MS);
        }
      },
      cancelExport() {
        abort?.abort();
      },
      clearExport: () => set({ exportJob: null }),
    };
  };
