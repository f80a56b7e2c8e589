import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiOutput } from '../../../../shared/api/contract';
import type { PushPayload } from '../../../../shared/api/events';
import type { EventSummary } from '../../../../shared/domain/event';
import { CUSTOM_TEMPLATE_ID } from '../../../../shared/domain/source';
import type { Template, TemplateSample } from '../../../../shared/domain/template';
import type { AppState } from '../../app/store';
import { describeError } from '../../lib/errors';
import { draftInput, matchesDraftType } from './mapping-draft';
import { sampleFromEvent, sampleFromTemplate, type Sample } from './sample-context';
import type { Fixture } from '../../../../shared/domain/fixture';
import { sampleFromFixture } from '../fixtures/fixture-sample';

/** A payload the tree can show: a logged event (fetched on demand) or a template sample. */
export type SampleRef = { kind: 'event'; event: EventSummary } | { kind: 'template'; sample: TemplateSample } | { kind: 'fixture'; fixture: Fixture };

export type Rehearsal = ApiOutput<'mappings.rehearse'>;

export interface MappingSamplesSlice {
  /** This source's recent events in the current environment: the event-type picker and the samples. */
  recentSourceEvents: EventSummary[];
  sourceTemplate: Template | null;
  sampleIndex: number;
  sample: Sample | null;
  sampleStatus: 'idle' | 'loading' | 'error';
  sampleError: string | null;
  rehearsal: Rehearsal | null;
  rehearsalStatus: 'idle' | 'running' | 'error';
  rehearsalError: string | null;
  /** Fetches the source's recent events and template, then shows the first matching sample. */
  loadSampleSources(sourceId: string): Promise<void>;
  /** After the draft's event type changed: the first matching sample. */
  refreshSamples(): Promise<void>;
  stepSample(delta: number): Promise<void>;
  showEventSample(eventId: number): Promise<void>;
  /** A pushed event of this source: offered as a sample (the shown one stays). */
  noteSourceEvent(event: EventSummary): void;
  /** A pushed `events.processed`: the source's list shows the new action status. */
  noteSourceEventProcessed(update: PushPayload<'events.processed'>): void;
  /** Tests the draft against the last N events; the result is also kept for the panel. */
  rehearseDraft(lastN: number): Promise<Rehearsal | null>;
  /** For an event skipped as a duplicate: the earlier event that executed its idempotency key, if still logged. */
  findOriginalEvent(duplicate: EventSummary): Promise<number | null>;
}

const RECENT = 200;
/** Knock's idempotency window is a day; a few hundred earlier events of one type cover normal traffic. */
const ORIGINAL_SEARCH = 500;

/** The event that ran an idempotency key before `duplicate`: the newest earlier one that was processed. */
export const originalOf = (duplicate: EventSummary, earlier: readonly EventSummary[]): number | null =>
  earlier.find((e) => e.id < duplicate.id && e.idempotencyKey === duplicate.idempotencyKey && e.processing === 'done')?.id ?? null;

/** Matching logged events first (newest first), then the source's fixtures, then the template's samples. */
export const sampleRefsFor = (pattern: string, events: readonly EventSummary[], template: Template | null, fixtures: readonly Fixture[] = []): SampleRef[] => [
  ...events.filter((e) => e.eventType !== null && matchesDraftType(pattern, e.eventType)).map((event) => ({ kind: 'event' as const, event })),
  ...fixtures.filter((f) => f.eventType !== null && matchesDraftType(pattern, f.eventType)).map((fixture) => ({ kind: 'fixture' as const, fixture })),
  ...(template?.samples ?? []).filter((s) => matchesDraftType(pattern, s.eventType)).map((sample) => ({ kind: 'template' as const, sample })),
];

/**
 * A freshly listed page plus the source's events that arrived (by push) while it was on its way,
 * newest first; without them an event logged just after the list was read would vanish from the
 * tree until the next one came.
 */
export const withArrivals = (page: readonly EventSummary[], known: readonly EventSummary[], sourceId: string, environment: string): EventSummary[] => {
  const listed = new Set(page.map((e) => e.id));
  const newest = page[0]?.id ?? 0;
  const arrived = known.filter((e) => e.id > newest && !listed.has(e.id) && e.sourceId === sourceId && e.environment === environment);
  return [...arrived, ...page].sort((a, b) => b.id - a.id).slice(0, RECENT);
};

export const createMappingSamplesSlice =
  (api: ApiClient): StateCreator<AppState, [], [], MappingSamplesSlice> =>
  (set, get) => {
    const cache = new Map<number, Sample>();
    let showing = 0;

    const sourceFixtures = () => (get().fixturesSourceId === get().mappingsSourceId ? get().fixtures : []);
    const refs = () => sampleRefsFor(get().draft?.eventType ?? '', get().recentSourceEvents, get().sourceTemplate, sourceFixtures());

    const show = async (ref: SampleRef | undefined, index: number) => {
      const mine = ++showing;
      if (!ref) return set({ sample: null, sampleIndex: 0, sampleStatus: 'idle', sampleError: null });
      if (ref.kind === 'template') return set({ sample: sampleFromTemplate(ref.sample), sampleIndex: index, sampleStatus: 'idle', sampleError: null });
      if (ref.kind === 'fixture') return set({ sample: sampleFromFixture(ref.fixture), sampleIndex: index, sampleStatus: 'idle', sampleError: null });
      const cached = cache.get(ref.event.id);
      if (cached) return set({ sample: cached, sampleIndex: index, sampleStatus: 'idle', sampleError: null });
      set({ sampleIndex: index, sampleStatus: 'loading', sampleError: null });
      try {
        const sample = sampleFromEvent(await api.call('events.get', { id: ref.event.id, body: 'text' }));
        cache.set(ref.event.id, sample);
        if (mine === showing) set({ sample, sampleStatus: 'idle' });
      } catch (error) {
        if (mine === showing) set({ sampleStatus: 'error', sampleError: describeError(error) });
      }
    };

    return {
      recentSourceEvents: [],
      sourceTemplate: null,
      sampleIndex: 0,
      sample: null,
      sampleStatus: 'idle',
      sampleError: null,
      rehearsal: null,
      rehearsalStatus: 'idle',
      rehearsalError: null,
      async loadSampleSources(sourceId) {
        const environment = get().currentEnv;
        const source = get().sources.find((s) => s.id === sourceId);
        if (!environment || !source) return;
        const templateId = source.templateId;
        let failure: string | null = null;
        const [page, template] = await Promise.all([
          api.call('events.list', { sourceId, environment, limit: RECENT }).catch((error: unknown) => {
            failure = `Couldn’t load this source’s recent events: ${describeError(error)}`;
            return { items: [] as EventSummary[] };
          }),
          templateId !== CUSTOM_TEMPLATE_ID && get().sourceTemplate?.id !== templateId
            ? api.call('templates.get', { id: templateId }).catch(() => null)
            : Promise.resolve(templateId === CUSTOM_TEMPLATE_ID ? null : get().sourceTemplate),
        ]);
        await get().loadFixtures(sourceId).catch(() => undefined);
        if (get().mappingsSourceId !== sourceId || get().currentEnv !== environment) return;
        // Events pushed while the list was on its way are newer than its page: keep them.
        set({ recentSourceEvents: withArrivals(page.items, get().recentSourceEvents, sourceId, environment), sourceTemplate: template });
        await get().refreshSamples();
        // Without its events the tree would silently say "no sample yet"; say why instead.
        if (failure) set({ sampleError: failure });
      },
      refreshSamples: () => show(refs()[0], 0),
      async stepSample(delta) {
        const list = refs();
        if (list.length === 0) return;
        const index = (get().sampleIndex + delta + list.length) % list.length;
        await show(list[index], index);
      },
      async showEventSample(eventId) {
        const list = refs();
        const index = list.findIndex((r) => r.kind === 'event' && r.event.id === eventId);
        const known = get().recentSourceEvents.find((e) => e.id === eventId);
        await show(index >= 0 ? list[index] : known ? { kind: 'event', event: known } : undefined, Math.max(0, index));
      },
      noteSourceEvent(event) {
        if (event.sourceId !== get().mappingsSourceId || event.environment !== get().currentEnv) return;
        if (get().recentSourceEvents.some((e) => e.id === event.id)) return;
        const wasEmpty = refs().length === 0;
        set({ recentSourceEvents: [event, ...get().recentSourceEvents].slice(0, RECENT) });
        // The first sample to arrive fills an empty tree; otherwise the one being read stays put.
        if (wasEmpty) void get().refreshSamples();
        else if (matchesDraftType(get().draft?.eventType ?? '', event.eventType)) set({ sampleIndex: get().sampleIndex + 1 });
      },
      noteSourceEventProcessed({ id, processing, actionStatus }) {
        if (!get().recentSourceEvents.some((e) => e.id === id)) return;
        set({ recentSourceEvents: get().recentSourceEvents.map((e) => (e.id === id ? { ...e, processing, actionStatus } : e)) });
      },
      async rehearseDraft(lastN) {
        const { draft, mappingsSourceId, currentEnv } = get();
        if (!draft || !mappingsSourceId || !currentEnv) return null;
        set({ rehearsalStatus: 'running', rehearsalError: null });
        try {
          const input = draftInput(draft, mappingsSourceId);
          const rehearsal = await api.call('mappings.rehearse', { draft: { ...input, ...(draft.id ? { id: draft.id } : {}) }, environment: currentEnv, lastN });
          set({ rehearsal, rehearsalStatus: 'idle' });
          return rehearsal;
        } catch (error) {
          set({ rehearsalStatus: 'error', rehearsalError: describeError(error) });
          return null;
        }
      },
      async findOriginalEvent(duplicate) {
        if (duplicate.idempotencyKey === null || duplicate.sourceId === null) return null;
        const { items } = await api.call('events.list', {
          sourceId: duplicate.sourceId,
          ...(duplicate.environment ? { environment: duplicate.environment } : {}),
          ...(duplicate.eventType ? { eventType: duplicate.eventType } : {}),
          cursor: duplicate.id,
          limit: ORIGINAL_SEARCH,
        });
        return originalOf(duplicate, items);
      },
    };
  };
