import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Destination } from '../../../../shared/domain/destination';
import { createAppStore, wirePushEvents } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { summary } from '../../test/fixtures';
import { forwardingTrouble } from './forwarding-trouble';

afterEach(() => vi.useRealTimers());

const destination = (over: Partial<Destination> = {}): Destination => ({
  id: 'dst_1', sourceId: 'src_1', environment: 'development', name: 'localhost:3000/hooks', url: 'http://localhost:3000/hooks', eventTypes: [], enabled: true,
  timeoutMs: 30_000, signing: 'as_received', ordered: false, concurrency: 4, retrySchedule: [0, 10], hasSecret: false, paused: false, autoHeld: false,
  health: 'ok', counts: { pending: 0, held: 0, failed: 0, delivered: 0 }, createdAt: 0, ...over,
});
const delivery = (eventId: number, status: 'delivered' | 'failed' | 'pending' | 'held', destinationId = 'dst_1') => ({
  name: 'deliveries.changed' as const,
  payload: { id: eventId, eventId, destinationId, destinationName: 'x', status, attempts: 1, nextAt: null, lastStatus: 200, lastError: null, createdAt: 0, finishedAt: 0, latencyMs: 3 },
});

async function storeWith(destinations: Destination[]) {
  const fake = fakeApi({ 'destinations.list': () => destinations, 'events.list': () => ({ items: [], nextCursor: null }), 'events.count': () => ({ count: 0, capped: false }) });
  const store = createAppStore(fake.api);
  wirePushEvents(fake.api, store);
  store.setState({ currentEnv: 'development', listAtTop: true });
  await store.getState().loadDestinations();
  return { store, ...fake };
}
const rowState = (store: Awaited<ReturnType<typeof storeWith>>['store'], id: number) => store.getState().events.find((e) => e.id === id)?.delivery;

describe('forwarding in the log', () => {
  it('marks an arriving event held when its destination holds, then delivered when the delivery is pushed', async () => {
    const { store, push } = await storeWith([destination({ paused: true, health: 'held' })]);
    push({ name: 'events.received', payload: summary({ id: 7 }) });
    await Promise.resolve();
    expect(rowState(store, 7)).toBe('held');
    push(delivery(7, 'delivered'));
    await Promise.resolve();
    expect(rowState(store, 7)).toBe('delivered');
  });

  it('leaves events alone that no destination takes: rejected, another source, or a type outside the filter', async () => {
    const { store, push } = await storeWith([destination({ eventTypes: ['invoice.*'] })]);
    push({ name: 'events.received', payload: summary({ id: 1, eventType: 'invoice.paid' }) });
    push({ name: 'events.received', payload: summary({ id: 2, eventType: 'customer.created' }) });
    push({ name: 'events.received', payload: summary({ id: 3, eventType: 'invoice.paid', processing: 'none', responseStatus: 401 }) });
    await Promise.resolve();
    expect([1, 2, 3].map((id) => rowState(store, id))).toEqual(['pending', undefined, undefined]);
  });

  it('shows the worst of an event’s deliveries, and moves waiting ones to held when their app goes down', async () => {
    const { store, push } = await storeWith([destination(), destination({ id: 'dst_2' })]);
    push({ name: 'events.received', payload: summary({ id: 4 }) });
    push(delivery(4, 'delivered'));
    await Promise.resolve();
    expect(rowState(store, 4)).toBe('pending');
    push({ name: 'destinations.status', payload: { id: 'dst_2', sourceId: 'src_1', environment: 'development', name: 'b', health: 'held', held: 1, startedFailing: true, error: 'connection refused' } });
    await Promise.resolve();
    expect(rowState(store, 4)).toBe('held');
    expect(store.getState().destinations.find((d) => d.id === 'dst_2')?.counts.held).toBe(1);
  });
});

describe('the frame’s forwarding badge', () => {
  it('appears for a failing destination or held events, leading to the failing one first', () => {
    expect(forwardingTrouble([destination(), destination({ id: 'b', health: 'idle' })])).toBeNull();
    const trouble = forwardingTrouble([destination({ id: 'held', name: 'held', health: 'held', counts: { pending: 0, held: 3, failed: 0, delivered: 0 } }), destination({ id: 'bad', name: 'bad', health: 'failing' })]);
    expect(trouble).toMatchObject({ failing: 1, held: 3, names: ['bad', 'held'] });
    expect(trouble?.first.id).toBe('bad');
  });

  it('opens the source’s Forwarding tab in the destination’s environment', async () => {
    const { store } = await storeWith([]);
    store.setState({ environments: [{ key: 'development', name: 'Development' }, { key: 'production', name: 'Production' }] as never });
    store.getState().openForwarding('src_1', 'production');
    expect(store.getState()).toMatchObject({ view: 'sources', selectedSourceId: 'src_1', sourceTab: 'forwarding', currentEnv: 'production' });
  });
});
