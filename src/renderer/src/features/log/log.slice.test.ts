import { describe, expect, it, vi } from 'vitest';
import { createAppStore, wirePushEvents } from '../../app/store';
import { detail, summary } from '../../test/fixtures';
import { fakeApi } from '../../test/fake-api';
import { selectLogFilter } from './log.slice';

const envs = [
  { key: 'development', name: 'Development', position: 0, createdAt: 0 },
  { key: 'production', name: 'Production', position: 1, createdAt: 0 },
];

function setup(list: (input: { environment?: string; cursor?: number }) => unknown) {
  const fake = fakeApi({ 'environments.list': () => envs, 'events.list': (i) => list(i as { environment?: string }) });
  const store = createAppStore(fake.api);
  wirePushEvents(fake.api, store);
  return { ...fake, store };
}

describe('log slice', () => {
  it('shows a pushed event of the current environment at the top, once', async () => {
    const { store, push } = setup(() => ({ items: [summary({ id: 1 })], nextCursor: null }));
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    push({ name: 'events.received', payload: summary({ id: 2 }) });
    push({ name: 'events.received', payload: summary({ id: 2 }) });
    expect(store.getState().events.map((e) => e.id)).toEqual([2, 1]);
  });

  it('remembers a search answered before the index caught up, until a page that was not', async () => {
    let behind = true;
    const { store } = setup(() => ({ items: [], nextCursor: null, ...(behind ? { searchBehind: true } : {}) }));
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    expect(store.getState().logSearchBehind).toBe(true);
    behind = false;
    await store.getState().refreshEvents();
    expect(store.getState().logSearchBehind).toBe(false);
  });

  it('ignores pushed events of other environments', async () => {
    const { store, push } = setup(() => ({ items: [], nextCursor: null }));
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    push({ name: 'events.received', payload: summary({ id: 3, environment: 'production' }) });
    expect(store.getState().events).toEqual([]);
  });

  it('keeps an event pushed while the first page was loading', async () => {
    let answer: (v: unknown) => void = () => {};
    const { store, push } = setup(() => new Promise((r) => (answer = r)));
    await store.getState().loadEnvironments();
    const loading = store.getState().loadEvents();
    push({ name: 'events.received', payload: summary({ id: 9 }) });
    answer({ items: [summary({ id: 8 })], nextCursor: null });
    await loading;
    expect(store.getState().events.map((e) => e.id)).toEqual([9, 8]);
  });

  it('drops a page that arrives after the user switched environment', async () => {
    const answers: Array<(v: unknown) => void> = [];
    const { store } = setup(() => new Promise((r) => answers.push(r)));
    await store.getState().loadEnvironments();
    const first = store.getState().loadEvents();
    store.getState().selectEnvironment('production');
    answers[1]!({ items: [summary({ id: 5, environment: 'production' })], nextCursor: null });
    answers[0]!({ items: [summary({ id: 4 })], nextCursor: null });
    await first;
    expect(store.getState().events.map((e) => e.id)).toEqual([5]);
  });

  it('loads the next page with the keyset cursor and appends it', async () => {
    const { store, calls } = setup((i) =>
      i.cursor === undefined ? { items: [summary({ id: 10 }), summary({ id: 9 })], nextCursor: 9 } : { items: [summary({ id: 8 })], nextCursor: null },
    );
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    await store.getState().loadMoreEvents();
    expect(store.getState().events.map((e) => e.id)).toEqual([10, 9, 8]);
    expect(store.getState().nextCursor).toBeNull();
    expect(calls.at(-1)).toEqual(['events.list', { environment: 'development', cursor: 9, limit: 100 }]);
  });

  it('keeps an untouched keyboard cursor on the newest row as events arrive', async () => {
    const { store, push } = setup(() => ({ items: [summary({ id: 1 })], nextCursor: null }));
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    push({ name: 'events.received', payload: summary({ id: 2 }) });
    const { events, activeIndex } = store.getState();
    expect(events[activeIndex]!.id).toBe(2);
  });

  it('keeps a cursor the user moved on the same row when a new event arrives above it', async () => {
    const { store, push } = setup(() => ({ items: [summary({ id: 2 }), summary({ id: 1 })], nextCursor: null }));
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    store.getState().setActiveIndex(1);
    push({ name: 'events.received', payload: summary({ id: 3 }) });
    const { events, activeIndex } = store.getState();
    expect(events[activeIndex]!.id).toBe(1);
  });

  it('updates a listed event and refetches its open detail when it has been processed', async () => {
    let detailCalls = 0;
    const fake = fakeApi({
      'environments.list': () => envs,
      'events.list': () => ({ items: [summary({ id: 1, processing: 'pending' })], nextCursor: null }),
      'events.get': () => detail({ id: 1, processing: ++detailCalls === 1 ? 'pending' : 'done' }),
    });
    const store = createAppStore(fake.api);
    wirePushEvents(fake.api, store);
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    await store.getState().openEvent(1);
    fake.push({ name: 'events.processed', payload: { id: 1, processing: 'done', actionStatus: 'no_mapping' } });
    expect(store.getState().events[0]).toMatchObject({ processing: 'done', actionStatus: 'no_mapping' });
    await expect.poll(() => store.getState().detail?.processing).toBe('done');
  });

  it('reports a failed load in words', async () => {
    const { store } = setup(() => {
      throw new Error('database is locked');
    });
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    expect(store.getState().eventsStatus).toBe('error');
    expect(store.getState().eventsError).toContain('database is locked');
  });
});

describe('log filters and search', () => {
  const envList = () => envs;
  function filtered(list: (input: Record<string, unknown>) => unknown = () => ({ items: [], nextCursor: null })) {
    const fake = fakeApi({ 'environments.list': envList, 'events.list': (i) => list(i as Record<string, unknown>) });
    const store = createAppStore(fake.api);
    wirePushEvents(fake.api, store);
    return { ...fake, store, lists: () => fake.calls.filter(([m]) => m === 'events.list').map(([, i]) => i) };
  }

  it('reloads with the filter at once when a filter changes', async () => {
    const { store, lists } = filtered();
    await store.getState().loadEnvironments();
    store.getState().setLogFilter({ verification: 'failed' });
    expect(lists().at(-1)).toEqual({ environment: 'development', verification: 'failed', limit: 100 });
  });

  it('asks for the rows at the first key, and while they are on their way only for the latest text', async () => {
    const answers: Array<(v: unknown) => void> = [];
    const { store, lists } = filtered(() => new Promise((r) => answers.push(r)));
    await store.getState().loadEnvironments();
    const searches = () => lists().filter((i) => (i as { search?: string }).search !== undefined);

    store.getState().setLogFilter({ search: 'a' });
    expect(searches()).toEqual([{ environment: 'development', search: 'a', limit: 100 }]);
    for (const text of ['ad', 'ada']) store.getState().setLogFilter({ search: text });
    expect(searches()).toHaveLength(1);
    answers.shift()!({ items: [summary({ id: 1 })], nextCursor: null });
    await expect.poll(() => searches().length).toBe(2);
    expect(searches()[1]).toEqual({ environment: 'development', search: 'ada', limit: 100 });
    // The rows for "a" were typed over: never shown.
    expect(store.getState().events).toEqual([]);
    expect(store.getState().logSearching).toBe(true);
    answers.shift()!({ items: [summary({ id: 2 })], nextCursor: null });
    await expect.poll(() => store.getState().events.map((e) => e.id)).toEqual([2]);
    expect(store.getState().logSearching).toBe(false);
  });

  it('keeps the rows of the previous text on screen until the new ones replace them, and counts only the search that landed', async () => {
    const answers: Array<(v: unknown) => void> = [];
    const fake = fakeApi({
      'environments.list': () => envs,
      'events.list': () => new Promise((r) => answers.push(r)),
      'events.count': () => ({ count: 7, capped: false }),
    });
    const store = createAppStore(fake.api);
    await store.getState().loadEnvironments();
    const loaded = store.getState().loadEvents();
    answers.shift()!({ items: [summary({ id: 1 }), summary({ id: 2 })], nextCursor: null });
    await loaded;

    store.getState().setLogFilter({ search: 'ad' });
    expect(store.getState().logSearching).toBe(true);
    expect(store.getState().events.map((e) => e.id)).toEqual([2, 1]);
    store.getState().setLogFilter({ search: 'ada' });
    answers.shift()!({ items: [summary({ id: 1 })], nextCursor: null });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(store.getState().events.map((e) => e.id)).toEqual([2, 1]);
    answers.shift()!({ items: [summary({ id: 2 })], nextCursor: null });
    await vi.waitFor(() => expect(store.getState().logTotal).toEqual({ count: 7, capped: false }));
    expect(store.getState().events.map((e) => e.id)).toEqual([2]);
    expect(store.getState().logSearching).toBe(false);
    expect(fake.calls.filter(([m]) => m === 'events.count').map(([, i]) => (i as { search?: string }).search)).toEqual(['ada']);
  });

  it('replaces the rows of the previous text with the new page only: older rows loaded before that also match stay out', async () => {
    const answers: Array<(v: unknown) => void> = [];
    const fake = fakeApi({ 'environments.list': () => envs, 'events.list': () => new Promise((r) => answers.push(r)), 'events.count': () => ({ count: 405, capped: false }) });
    const store = createAppStore(fake.api);
    await store.getState().loadEnvironments();
    const loaded = store.getState().loadEvents();
    const paid = (id: number) => summary({ id, eventType: 'invoice.paid' });
    answers.shift()!({ items: [paid(3), summary({ id: 2, eventType: 'customer.created' }), paid(1)], nextCursor: null });
    await loaded;

    store.getState().setLogFilter({ eventType: 'invoice.paid' });
    answers.shift()!({ items: [paid(3)], nextCursor: 3 });
    await vi.waitFor(() => expect(store.getState().logSearching).toBe(false));
    expect(store.getState().events.map((e) => e.id)).toEqual([3]);
    expect(store.getState().nextCursor).toBe(3);
    // The list scrolls back to its top for the new page (bumped once per first page: load, then filter).
    expect(store.getState().logListEpoch).toBe(2);
  });

  it('keeps each view’s filters: the whole log and a source’s Logs tab do not share them', async () => {
    const { store, lists } = filtered();
    await store.getState().loadEnvironments();
    store.getState().setLogFilter({ eventType: 'invoice.paid' });
    store.getState().setLogScope('src_9');
    expect(lists().at(-1)).toEqual({ environment: 'development', sourceId: 'src_9', limit: 100 });
    store.getState().setLogScope(null);
    expect(lists().at(-1)).toEqual({ environment: 'development', eventType: 'invoice.paid', limit: 100 });
    expect(selectLogFilter(store.getState()).eventType).toBe('invoice.paid');
  });

  it('pages the filtered list with the same filter', async () => {
    const { store, lists } = filtered((i) => (i.cursor === undefined ? { items: [summary({ id: 5, verification: 'failed' })], nextCursor: 5 } : { items: [], nextCursor: null }));
    await store.getState().loadEnvironments();
    store.getState().setLogFilter({ verification: 'failed' });
    await expect.poll(() => store.getState().eventsStatus).toBe('idle');
    await store.getState().loadMoreEvents();
    expect(lists().at(-1)).toEqual({ environment: 'development', verification: 'failed', cursor: 5, limit: 100 });
  });

  it('shows a pushed event only when it passes the filter, and counts the ones only a search can tell', async () => {
    const { store, push } = filtered();
    await store.getState().loadEnvironments();
    store.getState().setLogFilter({ verification: 'failed' });
    await expect.poll(() => store.getState().eventsStatus).toBe('idle');
    push({ name: 'events.received', payload: summary({ id: 1, verification: 'verified' }) });
    push({ name: 'events.received', payload: summary({ id: 2, verification: 'failed' }) });
    expect(store.getState().events.map((e) => e.id)).toEqual([2]);

    store.getState().setLogFilter({ search: 'ada' });
    await expect.poll(() => store.getState().eventsStatus).toBe('idle');
    push({ name: 'events.received', payload: summary({ id: 3, verification: 'failed' }) });
    expect(store.getState().events.map((e) => e.id)).toEqual([]);
    expect(store.getState().unmatchedArrivals).toBe(1);
  });

  it('clears the filter of the current view only', async () => {
    const { store, lists } = filtered();
    await store.getState().loadEnvironments();
    store.getState().setLogFilter({ verification: 'failed', range: '24h' });
    store.getState().clearLogFilter();
    expect(lists().at(-1)).toEqual({ environment: 'development', limit: 100 });
  });
});

describe('log totals and live arrivals', () => {
  const counted = (count: number, capped = false) => {
    const fake = fakeApi({
      'environments.list': () => envs,
      'events.list': () => ({ items: [summary({ id: 1 })], nextCursor: 1 }),
      'events.count': () => ({ count, capped }),
    });
    const store = createAppStore(fake.api);
    wirePushEvents(fake.api, store);
    return { ...fake, store };
  };

  it('knows the real number of matching events, not the loaded rows, and counts arrivals in', async () => {
    const { store, push } = counted(2013);
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    await vi.waitFor(() => expect(store.getState().logTotal).toEqual({ count: 2013, capped: false }));
    push({ name: 'events.received', payload: summary({ id: 2 }) });
    expect(store.getState().logTotal).toEqual({ count: 2014, capped: false });
    expect(store.getState().events).toHaveLength(2);
  });

  it('holds arrivals while the user reads older rows and puts them on top when asked', async () => {
    const { store, push } = counted(1);
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    store.getState().setListAtTop(false);
    push({ name: 'events.received', payload: summary({ id: 2 }) });
    push({ name: 'events.received', payload: summary({ id: 3 }) });
    expect(store.getState().events.map((e) => e.id)).toEqual([1]);
    expect(store.getState().heldArrivals.map((e) => e.id)).toEqual([3, 2]);
    store.getState().releaseArrivals();
    expect(store.getState().events.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(store.getState().heldArrivals).toEqual([]);
  });

  it('buffers arrivals while live updates are paused, even at the top, and shows them on resume', async () => {
    const { store, push } = counted(1);
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    store.getState().setLivePaused(true);
    push({ name: 'events.received', payload: summary({ id: 2 }) });
    expect(store.getState().events.map((e) => e.id)).toEqual([1]);
    store.getState().setLivePaused(false);
    expect(store.getState().events.map((e) => e.id)).toEqual([2, 1]);
  });
});
