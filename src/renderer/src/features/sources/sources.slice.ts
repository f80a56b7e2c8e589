import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import type { Source, SourceEnvSettingsPatch } from '../../../../shared/domain/source';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';

export type Preset = ApiOutput<'verification.presets'>[number];

/** What a form needs back from a mutation: nothing, or an error in words. */
export type MutationResult = { ok: true; source: Source } | { ok: false; error: string };

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
  revealSecret(input: ApiInput<'sources.revealSecret'>): Promise<{ ok: true; secret: string } | { ok: false; error: string }>;
  setVar(input: ApiInput<'sources.setVar'>): Promise<MutationResult>;
  removeVar(input: ApiInput<'sources.removeVar'>): Promise<MutationResult>;
  /** Lets an imported preprocess script run in one environment (it arrives off until approved). */
  approveScript(input: ApiInput<'sources.approveScript'>): Promise<MutationResult>;
  testScript(input: ApiInput<'sources.testScript'>): Promise<{ ok: true; value: ApiOutput<'sources.testScript'> } | { ok: false; error: string }>;
}

export const createSourcesSlice =
  (api: ApiClient): StateCreator<AppState, [], [], SourcesSlice> =>
  (set, get) => {
    // A list fetched before a mutation answered may predate it; such answers are dropped (the
    // mutation's own `config.changed` brings a fresh list).
    let generation = 0;

    /** Runs a call that returns the changed source and puts it in the list. */
    const mutate = async (run: () => Promise<Source>): Promise<MutationResult> => {
      try {
        const source = await run();
        generation++;
        const exists = get().sources.some((s) => s.id === source.id);
        set({ sources: exists ? get().sources.map((s) => (s.id === source.id ? source : s)) : [...get().sources, source] });
        return { ok: true, source };
      } catch (error) {
        return { ok: false, error: describeError(error) };
      }
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
        const result = await mutate(() => api.call('sources.create', input));
        // A new custom source needs its URL and verification first, so it opens on Settings.
        if (result.ok) set({ selectedSourceId: result.source.id, sourceTab: 'settings' });
        return result;
      },
      patchEnvSettings: (id, environment, patch) =>
        mutate(() => api.call('sources.update', { id, settings: { [environment]: patch } })),
      addSecret: (input) => mutate(() => api.call('sources.addSecret', input)),
      removeSecret: (input) => mutate(() => api.call('sources.removeSecret', input)),
      rotateToken: (input) => mutate(() => api.call('sources.rotateToken', input)),
      async revealSecret(input) {
        try {
          return { ok: true, secret: (await api.call('sources.revealSecret', input)).secret };
        } catch (error) {
          return { ok: false, error: describeError(error) };
        }
      },
      setVar: (input) => mutate(() => api.call('sources.setVar', input)),
      removeVar: (input) => mutate(() => api.call('sources.removeVar', input)),
      approveScript: (input) => mutate(() => api.call('sources.approveScript', input)),
      async testScript(input) {
        try {
          return { ok: true, value: await api.call('sources.testScript', input) };
        } catch (error) {
          return { ok: false, error: describeError(error) };
        }
      },
    };
  };
