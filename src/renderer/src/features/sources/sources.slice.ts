import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import { ok, type ApiResult } from '../../../../shared/api/result';
import type { Source, SourceEnvSettingsPatch } from '../../../../shared/domain/source';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';

export type Preset = ApiOutput<'verification.presets'>[number];

/** What a form needs back from a mutation: the changed source, or the host's error (code, message, issues). */
export type MutationResult = ApiResult<Source>;

export interface SourcesSlice {
  sources: Source[];
  sourcesStatus: 'idle' | 'loading' | 'error';
  sourcesError: string | null;
  selectedSourceId: string | null;
  presets: Preset[];
  loadSources(): Promise<void>;
  loadPresets(): Promise<void>;
  selectSource(id: string | null): void;
  createSource(input: ApiInput<'sources.create'>): Promise<MutationResult>;
  patchEnvSettings(id: string, environment: string, patch: SourceEnvSettingsPatch): Promise<MutationResult>;
  addSecret(input: ApiInput<'sources.addSecret'>): Promise<MutationResult>;
  removeSecret(input: ApiInput<'sources.removeSecret'>): Promise<MutationResult>;
  rotateToken(input: ApiInput<'sources.rotateToken'>): Promise<MutationResult>;
  revealSecret(input: ApiInput<'sources.revealSecret'>): Promise<ApiResult<ApiOutput<'sources.revealSecret'>>>;
  setVar(input: ApiInput<'sources.setVar'>): Promise<MutationResult>;
  removeVar(input: ApiInput<'sources.removeVar'>): Promise<MutationResult>;
  /** Lets an imported preprocess script run in one environment (it arrives off until approved). */
  approveScript(input: ApiInput<'sources.approveScript'>): Promise<MutationResult>;
  testScript(input: ApiInput<'sources.testScript'>): Promise<ApiResult<ApiOutput<'sources.testScript'>>>;
}

export const createSourcesSlice =
  (api: ApiClient): StateCreator<AppState, [], [], SourcesSlice> =>
  (set, get) => {
    // A list fetched before a mutation answered may predate it; such answers are dropped (the
    // mutation's own `config.changed` brings a fresh list).
    let generation = 0;

    /** Runs a call that returns the changed source and puts it in the list. */
    const mutate = async (run: () => Promise<MutationResult>): Promise<MutationResult> => {
      const result = await run();
      if (!result.ok) return result;
      const source = result.value;
      generation++;
      const exists = get().sources.some((s) => s.id === source.id);
      set({ sources: exists ? get().sources.map((s) => (s.id === source.id ? source : s)) : [...get().sources, source] });
      return ok(source);
    };

    return {
      sources: [],
      sourcesStatus: 'idle',
      sourcesError: null,
      selectedSourceId: null,
      presets: [],
      async loadSources() {
        const mine = ++generation;
        set({ sourcesStatus: 'loading', sourcesError: null });
        try {
          const sources = await api.call('sources.list', {});
          if (mine !== generation) return;
          const selected = get().selectedSourceId;
          set({
            sources,
            sourcesStatus: 'idle',
            selectedSourceId: sources.some((s) => s.id === selected) ? selected : (sources[0]?.id ?? null),
          });
        } catch (error) {
          if (mine === generation) set({ sourcesStatus: 'error', sourcesError: describeError(error) });
        }
      },
      async loadPresets() {
        set({ presets: await api.call('verification.presets', {}) });
      },
      selectSource: (id) => set({ selectedSourceId: id }),
      async createSource(input) {
        const result = await mutate(() => api.result('sources.create', input));
        // A new custom source needs its URL and verification first, so it opens on Settings.
        if (result.ok) set({ selectedSourceId: result.value.id, sourceTab: 'settings' });
        return result;
      },
      patchEnvSettings: (id, environment, patch) =>
        mutate(() => api.result('sources.update', { id, settings: { [environment]: patch } })),
      addSecret: (input) => mutate(() => api.result('sources.addSecret', input)),
      removeSecret: (input) => mutate(() => api.result('sources.removeSecret', input)),
      rotateToken: (input) => mutate(() => api.result('sources.rotateToken', input)),
      revealSecret: (input) => api.result('sources.revealSecret', input),
      setVar: (input) => mutate(() => api.result('sources.setVar', input)),
      removeVar: (input) => mutate(() => api.result('sources.removeVar', input)),
      approveScript: (input) => mutate(() => api.result('sources.approveScript', input)),
      testScript: (input) => api.result('sources.testScript', input),
    };
  };
