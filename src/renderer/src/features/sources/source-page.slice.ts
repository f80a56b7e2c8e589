import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiOutput } from '../../../../shared/api/contract';
import type { TemplateSummary } from '../../../../shared/domain/template';
import type { AppState } from '../../app/store';

export type SourceTab = 'mappings' | 'fields' | 'fixtures' | 'logs' | 'forwarding' | 'settings';
export type SourceStat = ApiOutput<'sources.stats'>[number];
export type TemplateBrand = Pick<TemplateSummary, 'name' | 'branding'>;

export interface SourcePageSlice {
  /** Which tab of the source page is open; kept across source switches, like a URL would be. */
  sourceTab: SourceTab;
  /** Set by the settings form while it holds unsaved edits, so navigation can ask first. */
  settingsDirty: boolean;
  sourceStats: SourceStat[];
  templateBrands: Record<string, TemplateBrand>;
  setSourceTab(tab: SourceTab): void;
  /** Goes to a source's Settings tab in an environment (e.g. to approve an imported script there). */
  openSourceSettings(sourceId: string, environment: string): void;
  setSettingsDirty(dirty: boolean): void;
  loadSourceStats(): Promise<void>;
  /** Coalesces bursts of pushed events into one `sources.stats` call. */
  scheduleStatsRefresh(): void;
  loadTemplateBrands(): Promise<void>;
}

/** A busy receiver pushes many events a second; the list needs a refresh every second or two at most. */
export const STATS_DEBOUNCE_MS = 1500;

export const createSourcePageSlice =
  (api: ApiClient, debounceMs = STATS_DEBOUNCE_MS): StateCreator<AppState, [], [], SourcePageSlice> =>
  (set, get) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    return {
      sourceTab: 'mappings',
      settingsDirty: false,
      sourceStats: [],
      templateBrands: {},
      setSourceTab: (sourceTab) => set({ sourceTab }),
      setSettingsDirty: (settingsDirty) => set({ settingsDirty }),
      openSourceSettings(sourceId, environment) {
        get().selectEnvironment(environment);
        set({ view: 'sources', selectedSourceId: sourceId, sourceTab: 'settings' });
      },
      async loadSourceStats() {
        try {
          set({ sourceStats: await api.call('sources.stats', {}) });
        } catch {
          // Stats are decoration; the list works without them and the next event retries.
        }
      },
      scheduleStatsRefresh() {
        if (timer !== null) return;
        timer = setTimeout(() => {
          timer = null;
          void get().loadSourceStats();
        }, debounceMs);
      },
      async loadTemplateBrands() {
        try {
          const list = await api.call('templates.list', {});
          set({ templateBrands: Object.fromEntries(list.map((t) => [t.id, { name: t.name, branding: t.branding }])) });
        } catch {
          // Without brands the list shows monograms.
        }
      },
    };
  };
