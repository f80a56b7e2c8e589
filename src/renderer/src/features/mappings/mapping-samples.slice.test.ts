import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { detail, source, summary } from '../../test/fixtures';
import { originalOf, withArrivals } from './mapping-samples.slice';
import type { EventSummary } from '../../../../shared/domain/event';
import type { Template } from '../../../../shared/domain/template';

const template = {
  id: 'acme', samples: [{ id: 'user-created', eventType: 'user.created', label: 'A user signs up', headers: {}, body: { data: { id: 't_1' } }, contentType: 'application/json' }],
} as unknown as Template;

const setup = async () => {
  const events = [summary({ id: 9, eventType: 'user.created' }), summary({ id: 8, eventType: 'user.deleted' }), summary({ id: 7, eventType: 'user.created' })];
  const fake = fakeApi({
    'environments.list': () => [{ key: 'development', name: 'Development' }],
    'sources.list': () => [source({ templateId: 'acme' })],
    'mappings.list': () => [],
    'events.list': () => ({ items: events, nextCursor: null }),
    'events.get': (input) => {
      const id = (input as { id: number }).id;
      return detail({ id, parsedBody: { n: id } });
    },
    'templates.get': () => template,
    'mappings.rehearse': () => ({ total: 2, passed: 1, failed: 1, results: [] }),
  });
  const store = createAppStore(fake.api);
  await store.getState().loadEnvironments();
  await store.getState().loadSources();
  await store.getState().loadMappings('src_1');
  store.getState().newMapping('user.created');
  await store.getState().loadSampleSources('src_1');
  return { ...fake, store };
};

describe('mapping samples', () => {
  it('offers the matching logged events, newest first, then the template samples', async () => {
    const { store } = await setup();
    expect(store.getState().sample).toMatchObject({ eventId: 9, ctx: { body: { n: 9 } } });
    await store.getState().stepSample(1);
    expect(store.getState().sample?.eventId).toBe(7);
    await store.getState().stepSample(1);
    expect(store.getState().sample).toMatchObject({ eventId: null, label: 'A user signs up', ctx: { body: { data: { id: 't_1' } } } });
    await store.getState().stepSample(1);
    expect(store.getState().sample?.eventId).toBe(9);
  });

  it('follows a pattern event type', async () => {
    const { store } = await setup();
    store.getState().editDraft({ eventType: 'user.*' });
    await store.getState().stepSample(1);
    expect(store.getState().sample?.eventId).toBe(8);
  });

  it('loads a failing event from a rehearsal as the sample', async () => {
    const { store } = await setup();
    await store.getState().showEventSample(7);
    expect(store.getState().sample?.eventId).toBe(7);
    expect(store.getState().sampleIndex).toBe(1);
  });

  it('keeps the shown sample in place when a new event of the type arrives', async () => {
    const { store } = await setup();
    await store.getState().stepSample(1);
    store.getState().noteSourceEvent(summary({ id: 10, eventType: 'user.created' }));
    expect(store.getState().sampleIndex).toBe(2);
    expect(store.getState().sample?.eventId).toBe(7);
  });

  it('rehearses the draft in the current environment', async () => {
    const { store, calls } = await setup();
    store.getState().setParam('id', 'body.n');
    await store.getState().rehearseDraft(50);
    expect(calls.find(([m]) => m === 'mappings.rehearse')?.[1]).toMatchObject({ environment: 'development', lastN: 50, draft: { eventType: 'user.created', params: { id: 'body.n' } } });
    expect(store.getState().rehearsal).toMatchObject({ passed: 1, failed: 1 });
  });
});

describe('mapping samples when the log is unreachable', () => {
  it('says the recent events could not be loaded instead of an empty tree', async () => {
    const fake = fakeApi({
      'environments.list': () => [{ key: 'development', name: 'Development' }],
      'sources.list': () => [source({ templateId: 'custom' })],
      'mappings.list': () => [],
      'events.list': () => {
        throw new Error('the host is busy');
      },
    });
    const store = createAppStore(fake.api);
    await store.getState().loadEnvironments();
    await store.getState().loadSources();
    await store.getState().loadMappings('src_1');
    store.getState().newMapping('user.created');
    await store.getState().loadSampleSources('src_1');
    expect(store.getState().sample).toBeNull();
    expect(store.getState().sampleError).toMatch(/Couldn’t load this source’s recent events: .*the host is busy/);
  });
});

describe('mapping samples while events arrive', () => {
  // Seen in CI: the tab listed the source's events a moment before the first one was committed;
  // its push came in while the list was on its way, and the stale page then replaced it.
  it('keeps an event pushed while the recent events were being listed', async () => {
    let answerList: (page: { items: EventSummary[]; nextCursor: null }) => void = () => undefined;
    const fake = fakeApi({
      'environments.list': () => [{ key: 'development', name: 'Development' }],
      'sources.list': () => [source({ templateId: 'custom' })],
      'mappings.list': () => [],
      'events.list': () => new Promise((resolve) => (answerList = resolve)),
      'events.get': (input) => detail({ id: (input as { id: number }).id, parsedBody: { data: { id: 'cus_1' } } }),
    });
    const store = createAppStore(fake.api);
    await store.getState().loadEnvironments();
    await store.getState().loadSources();
    await store.getState().loadMappings('src_1');
    store.getState().newMapping('customer.created');
    const loading = store.getState().loadSampleSources('src_1');
    await vi.waitFor(() => expect(fake.calls.some(([m]) => m === 'events.list')).toBe(true));
    store.getState().noteSourceEvent(summary({ id: 1, eventType: 'customer.created' }));
    answerList({ items: [], nextCursor: null });
    await loading;
    expect(store.getState().recentSourceEvents.map((e) => e.id)).toEqual([1]);
    expect(store.getState().sample).toMatchObject({ eventId: 1, ctx: { body: { data: { id: 'cus_1' } } } });
  });

  it('merges arrivals newest first without repeating a listed event or taking another source’s', () => {
    const page = [summary({ id: 5 }), summary({ id: 3 })];
    const known = [summary({ id: 7 }), summary({ id: 6, sourceId: 'src_2' }), summary({ id: 5 }), summary({ id: 2 })];
    expect(withArrivals(page, known, 'src_1', 'development').map((e) => e.id)).toEqual([7, 5, 3]);
  });
});

describe('originalOf', () => {
  it('finds the newest earlier processed event with the same idempotency key', () => {
    const dup = summary({ id: 9, idempotencyKey: 'evt_1', processing: 'duplicate' });
    const earlier = [
      summary({ id: 8, idempotencyKey: 'evt_2', processing: 'done' }),
      summary({ id: 6, idempotencyKey: 'evt_1', processing: 'duplicate' }),
      summary({ id: 4, idempotencyKey: 'evt_1', processing: 'done' }),
      summary({ id: 2, idempotencyKey: 'evt_1', processing: 'done' }),
    ];
    expect(originalOf(dup, earlier)).toBe(4);
    expect(originalOf(dup, earlier.slice(0, 2))).toBeNull();
  });
});
