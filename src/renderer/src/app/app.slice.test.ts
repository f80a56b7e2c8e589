import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { summary } from '../test/fixtures';
import { createAppStore } from './store';

const setup = () => {
  let page = [summary({ id: 1 })];
  const fake = fakeApi({
    'app.info': () => ({ version: '0.1.0', receiverUrl: 'http://127.0.0.1:4750', dataDir: '/d' }),
    'environments.list': () => [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }],
    'verification.presets': () => [],
    'sources.list': () => [],
    'events.list': () => ({ items: page, nextCursor: null }),
    'events.replayJobs': () => [{ jobId: 'job_7', done: 12, total: 50 }],
  });
  return { ...fake, store: createAppStore(fake.api), setPage: (p: typeof page) => (page = p) };
};

describe('app slice', () => {
  it('boots: info, environments, sources, then the first log page', async () => {
    const { store } = setup();
    await store.getState().boot();
    expect(store.getState()).toMatchObject({ bootStatus: 'ready', currentEnv: 'development', info: { receiverUrl: 'http://127.0.0.1:4750' } });
    expect(store.getState().events.map((e) => e.id)).toEqual([1]);
  });

  it('shows the progress of bulk replays still running from before a reload', async () => {
    const { store } = setup();
    await store.getState().boot();
    expect(store.getState().bulkReplays).toEqual([{ jobId: 'job_7', done: 12, total: 50, state: 'running', reattached: true }]);
  });

  it('refetches the log after the push stream dropped and came back', async () => {
    const { store, setPage } = setup();
    store.getState().setLive('live');
    await store.getState().boot();
    setPage([summary({ id: 2 }), summary({ id: 1 })]);
    for (const s of ['offline', 'connecting', 'live'] as const) store.getState().setLive(s);
    await expect.poll(() => store.getState().events.map((e) => e.id)).toEqual([2, 1]);
  });

  it('does not refetch on the first connection', async () => {
    const { store, calls } = setup();
    await store.getState().boot();
    for (const s of ['offline', 'connecting', 'live'] as const) store.getState().setLive(s);
    expect(calls.filter(([m]) => m === 'events.list')).toHaveLength(1);
  });

  it('reports a host it cannot reach in words', async () => {
    const { store } = setup();
    const broken = createAppStore(fakeApi({}).api);
    await broken.getState().boot();
    expect(broken.getState().bootStatus).toBe('error');
    expect(broken.getState().bootError).toMatch(/app.info/);
    expect(store.getState().bootStatus).toBe('loading');
  });
});
