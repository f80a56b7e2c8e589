import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiOutput } from '../../../../shared/api/contract';
import type { PushPayload } from '../../../../shared/api/events';
import type { EventSummary } from '../../../../shared/domain/event';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';
import { EMPTY_FILTER, matchesQuery, scopeKey, toQuery, type EventQuery, type LogFilter } from './log-filter';

const PAGE_SIZE = 100;
/**
 * A search's total is counted up to this ("more than 10,000 matching"), and only once the user
 * has paused after its rows arrived: the host answers in order, and counting 100,000 matches of a
 * common word held the next keystroke's rows for seconds on a 1M-event log (bench/NOTES.md).
 */
export const SEARCH_COUNT_CAP = 10_000;
export const SEARCH_COUNT_DELAY_MS = 300;
/** Filters the user types into; the others (selects) apply at once. */
const TYPED: ReadonlyArray<string> = ['search', 'eventType', 'from', 'to'];

export interface EventsSlice {
  events: EventSummary[];
  eventsStatus: 'idle' | 'loading' | 'loading-more' | 'error';
  eventsError: string | null;
  nextCursor: number | null;
  /** The keyboard cursor in the list (index into `events`). */
  activeIndex: number;
  /** Once the user moved the cursor or opened a row, new arrivals must not shift it off that row. */
  cursorPinned: boolean;
  /** The source a Logs tab locks the list to; null for the whole log. */
  logScope: string | null;
  /** Filters per scope, so each view finds its filters as the user left them. */
  logFilters: Record<string, LogFilter>;
  /** Arrivals that only the host can match against the filter (search, action status). */
  unmatchedArrivals: number;
  /** How many stored events match the current query (the host stops counting at its cap); null until counted. */
  logTotal: ApiOutput<'events.count'> | null;
  /** From the first key typed into a filter until its rows are shown ("Searching…"). */
  logSearching: boolean;
  /** The shown search was answered before the full-text index caught up: the newest matches may be missing. */
  logSearchBehind: boolean;
  /** Bumped when a first page replaces the list (a filter, a search, an environment): the list scrolls back to its top. */
  logListEpoch: number;
  /** Arrivals kept off the list while the user reads older rows or paused live updates. */
  heldArrivals: EventSummary[];
  /** Whether the list is scrolled to its top, where arrivals can appear without moving anything. */
  listAtTop: boolean;
  livePaused: boolean;
  setListAtTop(atTop: boolean): void;
  setLivePaused(paused: boolean): void;
  /** Puts held arrivals in the list (the "N new" pill); the list then shows its top. */
  releaseArrivals(): void;
  /** First page of the current environment and filter, from scratch. */
  loadEvents(): Promise<void>;
  /** First page again, merged with what is shown (after a push-stream gap). */
  refreshEvents(): Promise<void>;
  loadMoreEvents(): Promise<void>;
  /** Shows the whole log (null) or one source's events; reloads only when the scope changes. */
  setLogScope(scope: string | null): void;
  /** Changes the filter of the current scope; typed text is sent after a pause in typing. */
  setLogFilter(patch: Partial<LogFilter>): void;
  clearLogFilter(): void;
  /** Opens the whole log in `environment` with exactly this filter (e.g. the replays of an import). */
  showLog(environment: string, filter: LogFilter): Promise<void>;
  /** What `events.list` is asked for the current scope, filter and environment. */
  currentLogQuery(): EventQuery | null;
  /** A pushed `events.received`: shown at once when it belongs to the current environment and filter. */
  receiveEvent(event: EventSummary): void;
  /** A pushed `events.processed`: the mappings ran (or were skipped) for an event already listed. */
  markProcessed(update: PushPayload<'events.processed'>): void;
  setActiveIndex(index: number): void;
}

export const selectLogFilter = (s: Pick<EventsSlice, 'logFilters' | 'logScope'>): LogFilter => s.logFilters[scopeKey(s.logScope)] ?? EMPTY_FILTER;

/** Newest first, each id once; ids are monotonic so they order the log. */
export const mergeNewestFirst = (a: readonly EventSummary[], b: readonly EventSummary[]): EventSummary[] => {
  const byId = new Map<number, EventSummary>();
  for (const e of [...a, ...b]) byId.set(e.id, e);
  return [...byId.values()].sort((x, y) => y.id - x.id);
};

export const createEventsSlice =
  (api: ApiClient): StateCreator<AppState, [], [], EventsSlice> =>
  (set, get) => {
    // Answers for an environment or filter the user already left must not land in the list.
    let generation = 0;
    // The query of the list on screen: pages and pushed events are matched against it.
    let shownQuery: EventQuery | null = null;
    // Bumped by every filter edit: a search's count waiting for a pause gives way to it.
    let edits = 0;
    /*
     * Typed text is asked for at the key, with no pause (issue #14: rows within 300 ms of the last
     * key). One typed list is on its way at a time: keys typed meanwhile only mark the text changed,
     * and the latest is asked for when that answer comes; the host answers in order, so a queue
     * of searches typed over would hold back the last one.
     */
    let typedInFlight = false;
    let typedPending = false;

    /**
     * `fresh` empties the list first; `refresh` merges the page into it; `typed` keeps the rows of
     * the previous text on screen until the new ones replace them, so typing does not flash an
     * empty list at every key.
     */
    const fetchFirstPage = async (mode: 'fresh' | 'refresh' | 'typed') => {
      const query = get().currentLogQuery();
      if (query === null) return;
      edits++;
      typedPending = false;
      const mine = ++generation;
      const typedOver = new Set(mode === 'typed' ? get().events.map((e) => e.id) : []);
      shownQuery = query;
      const cleared = { events: [], nextCursor: null, activeIndex: 0, cursorPinned: false, heldArrivals: [] };
      set(
        mode === 'refresh'
          ? { eventsError: null, unmatchedArrivals: 0 }
          : { ...(mode === 'fresh' ? cleared : {}), eventsStatus: 'loading', eventsError: null, unmatchedArrivals: 0, logTotal: null },
      );
      try {
        const page = await api.call('events.list', { ...query, limit: PAGE_SIZE });
        if (mine !== generation) return;
        // Keep events pushed while the page was on its way (they were matched on arrival).
        // Rows kept on screen while typing are the old text's: only events pushed since may join the page.
        const shown = mode === 'refresh' ? get().events : get().events.filter((e) => !typedOver.has(e.id) && matchesQuery(e, query) === true);
        set({
          ...(mode === 'typed' ? cleared : {}),
          events: mergeNewestFirst(page.items, shown),
          nextCursor: page.nextCursor,
          eventsStatus: 'idle',
          logSearching: false,
          logSearchBehind: page.searchBehind === true,
          ...(mode === 'refresh' ? {} : { logListEpoch: get().logListEpoch + 1 }),
        });
        // Counted only once the rows are shown, and never for a query typed over: the host answers
        // in order, and a million-row count asked first would hold the rows back.
        void countShown(query, mine);
      } catch (error) {
        if (mine === generation) set({ eventsStatus: 'error', eventsError: describeError(error), logSearching: false });
      }
    };

    // The header's total; a failed count leaves the header with what is loaded, nothing else fails.
    const countShown = async (query: EventQuery, mine: number) => {
      try {
        const at = edits;
        // Any total waits for the pause: clearing a search and typing the next must not queue behind it.
        await new Promise((resolve) => setTimeout(resolve, SEARCH_COUNT_DELAY_MS));
        if (mine !== generation || at !== edits) return;
        const total = await api.call('events.count', query.search ? { ...query, cap: SEARCH_COUNT_CAP } : query);
        if (mine === generation) set({ logTotal: total });
      } catch {
        if (mine === generation) set({ logTotal: null });
      }
    };

    const reload = (mode: 'fresh' | 'typed' = 'fresh') => {
      get().closeEvent();
      return fetchFirstPage(mode);
    };

    const sendTyped = async (): Promise<void> => {
      typedInFlight = true;
      try {
        await reload('typed');
      } finally {
        typedInFlight = false;
        if (typedPending) void sendTyped();
      }
    };

    return {
      events: [],
      eventsStatus: 'idle',
      eventsError: null,
      nextCursor: null,
      activeIndex: 0,
      cursorPinned: false,
      logScope: null,
      logFilters: {},
      unmatchedArrivals: 0,
      logTotal: null,
      logSearching: false,
      logSearchBehind: false,
      logListEpoch: 0,
      heldArrivals: [],
      listAtTop: true,
      livePaused: false,
      setListAtTop(atTop) {
        if (atTop === get().listAtTop) return;
        set({ listAtTop: atTop });
        if (atTop && !get().livePaused) get().releaseArrivals();
      },
      setLivePaused(paused) {
        set({ livePaused: paused });
        if (!paused && get().listAtTop) get().releaseArrivals();
      },
      releaseArrivals() {
        const held = get().heldArrivals;
        if (held.length === 0) return;
        set({ heldArrivals: [], events: mergeNewestFirst(get().events, held), activeIndex: 0, cursorPinned: false });
      },
      loadEvents: () => reload(),
      refreshEvents: () => fetchFirstPage('refresh'),
      currentLogQuery() {
        const state = get();
        return state.currentEnv === null ? null : toQuery(selectLogFilter(state), state.logScope, state.currentEnv, Date.now());
      },
      setLogScope(scope) {
        if (scope === get().logScope) return;
        set({ logScope: scope });
        void reload();
      },
      setLogFilter(patch) {
        const key = scopeKey(get().logScope);
        const next = { ...selectLogFilter(get()), ...patch };
        set({ logFilters: { ...get().logFilters, [key]: next } });
        if (Object.keys(patch).every((k) => TYPED.includes(k))) {
          set({ logSearching: true });
          if (!typedInFlight) {
            void sendTyped();
            return;
          }
          // The answer on its way is for text typed over: it is dropped, and the latest asked for.
          edits++;
          generation++;
          typedPending = true;
        } else {
          void reload();
        }
      },
      clearLogFilter() {
        const key = scopeKey(get().logScope);
        set({ logFilters: { ...get().logFilters, [key]: EMPTY_FILTER } });
        void reload();
      },
      showLog(environment, filter) {
        set({ view: 'log', logScope: null, currentEnv: environment, logFilters: { ...get().logFilters, [scopeKey(null)]: filter } });
        return reload();
      },
      async loadMoreEvents() {
        const { nextCursor, eventsStatus } = get();
        const query = shownQuery;
        if (nextCursor === null || query === null || eventsStatus !== 'idle') return;
        const mine = generation;
        set({ eventsStatus: 'loading-more', eventsError: null });
        try {
          const page = await api.call('events.list', { ...query, cursor: nextCursor, limit: PAGE_SIZE });
          if (mine !== generation) return;
          set({ events: mergeNewestFirst(get().events, page.items), nextCursor: page.nextCursor, eventsStatus: 'idle' });
        } catch (error) {
          if (mine === generation) set({ eventsStatus: 'error', eventsError: describeError(error) });
        }
      },
      receiveEvent(event) {
        const currentEnv = get().currentEnv;
        if (currentEnv === null) return;
        const match = matchesQuery(event, shownQuery ?? { environment: currentEnv });
        if (match === false) return;
        const { events, activeIndex, cursorPinned } = get();
        if (events.some((e) => e.id === event.id)) return;
        if (match === null) {
          set({ unmatchedArrivals: get().unmatchedArrivals + 1 });
          return;
        }
        const total = get().logTotal;
        if (total !== null && !total.capped) set({ logTotal: { ...total, count: total.count + 1 } });
        // Inserting above rows the user is reading would push them down under the pointer.
        if (get().livePaused || !get().listAtTop) {
          if (!get().heldArrivals.some((e) => e.id === event.id)) set({ heldArrivals: [event, ...get().heldArrivals] });
          return;
        }
        const merged = mergeNewestFirst(events, [event]);
        // An untouched cursor stays on the newest row; a chosen one stays on its row.
        const shift = cursorPinned && merged.indexOf(event) <= activeIndex ? 1 : 0;
        set({ events: merged, activeIndex: activeIndex + shift });
      },
      markProcessed({ id, processing, actionStatus, actionIssue }) {
        if (get().events.some((e) => e.id === id)) {
          set({ events: get().events.map((e) => (e.id === id ? { ...e, processing, actionStatus, ...(actionIssue ? { actionIssue } : {}) } : e)) });
        }
        // The open detail gains its action runs.
        get().refreshOpenEvent(id);
      },
      setActiveIndex(index) {
        const max = get().events.length - 1;
        set({ activeIndex: Math.max(0, Math.min(index, max)), cursorPinned: true });
      },
    };
  };
