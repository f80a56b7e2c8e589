import { describe, expect, it } from 'vitest';
import { createAppStore, wirePushEvents } from '../../app/store';
import { detail, summary } from '../../test/fixtures';
import { fakeApi } from '../../test/fake-api';

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
