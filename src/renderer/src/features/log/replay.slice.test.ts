import { describe, expect, it, vi } from 'vitest';
import { createAppStore, wirePushEvents } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { detail, summary } from '../../test/fixtures';

const envs = [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }];

function setup(extra: Record<string, (input: unknown) => unknown> = {}) {
  const fake = fakeApi({
    'environments.list': () => envs,
    'events.list': () => ({ items: [summary({ id: 1 })], nextCursor: null }),
    'events.get': (i) => detail({ id: (i as { id: number }).id, replayOf: (i as { id: number }).id === 2 ? 1 : null }),
    ...extra,
  });
  const store = createAppStore(fake.api);
  wirePushEvents(fake.api, store);
  return { ...fake, store };
}

describe('replay slice', () => {
  it('replays one event with the chosen options and opens the replay, listed at the top', async () => {
    const { store, calls } = setup({ 'events.replay': () => summary({ id: 2, origin: 'replay', replayOf: 1 }) });
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    expect(await store.getState().replayEvent(1, { mode: 'ignore_verification', respectIdempotency: true })).toBe(true);
    expect(calls.find(([m]) => m === 'events.replay')?.[1]).toEqual({ id: 1, mode: 'ignore_verification', respectIdempotency: true });
    expect(store.getState().events.map((e) => e.id)).toEqual([2, 1]);
    expect(store.getState().detail).toMatchObject({ id: 2, replayOf: 1 });
  });

  it('says why a replay failed', async () => {
    const { store } = setup({
      'events.replay': () => {
        throw new Error('the source was deleted');
      },
    });
    await store.getState().loadEnvironments();
    expect(await store.getState().replayEvent(1, { mode: 'as_is', respectIdempotency: false })).toBe(false);
    expect(store.getState().replayError).toContain('the source was deleted');
    expect(store.getState().replayErrorFor).toBe(1);
  });

  it('loads the original of a replay for the comparison once, showing it as loading meanwhile', async () => {
    const { store, calls } = setup();
    const loading = store.getState().loadReplayOriginal(1);
    expect(store.getState().replayOriginal).toEqual({ id: 1, detail: null, error: null });
    await loading;
    expect(store.getState().replayOriginal).toMatchObject({ id: 1, detail: { id: 1 }, error: null });
    await store.getState().loadReplayOriginal(1);
    expect(calls.filter(([m]) => m === 'events.get')).toEqual([['events.get', { id: 1 }]]);
  });

  it('drops the original of a replay the user already left, and says why one could not load', async () => {
    const answers = new Map<number, (v: unknown) => void>();
    const { store } = setup({
      'events.get': (i) => {
        const { id } = i as { id: number };
        if (id === 5) throw new Error('event 5 was pruned');
        return new Promise((r) => answers.set(id, r));
      },
    });
    const first = store.getState().loadReplayOriginal(1);
    await vi.waitFor(() => expect(answers.has(1)).toBe(true));
    await store.getState().loadReplayOriginal(5);
    expect(store.getState().replayOriginal).toEqual({ id: 5, detail: null, error: expect.stringContaining('event 5 was pruned') });
    answers.get(1)!(detail({ id: 1 }));
    await first;
    expect(store.getState().replayOriginal).toMatchObject({ id: 5, detail: null });
  });

  it('replays the filtered set and follows its progress to the end', async () => {
    const { store, calls, push } = setup({ 'events.replayMany': () => ({ jobId: 'job_1', total: 3 }) });
    await store.getState().loadEnvironments();
    store.getState().setLogFilter({ verification: 'failed' });
    await store.getState().startBulkReplay({ mode: 'as_is', respectIdempotency: false });
    expect(calls.find(([m]) => m === 'events.replayMany')?.[1]).toEqual({ environment: 'development', verification: 'failed', mode: 'as_is', respectIdempotency: false });
    expect(store.getState().bulkReplays[0]).toMatchObject({ jobId: 'job_1', total: 3, done: 0, state: 'running' });
    push({ name: 'replay.progress', payload: { jobId: 'job_1', done: 2, total: 3, state: 'running' } });
    push({ name: 'replay.progress', payload: { jobId: 'job_1', done: 1, total: 3, state: 'running' } });
    push({ name: 'replay.progress', payload: { jobId: 'other', done: 9, total: 9, state: 'finished' } });
    expect(store.getState().bulkReplays[0]).toMatchObject({ done: 2, state: 'running' });
    push({ name: 'replay.progress', payload: { jobId: 'job_1', done: 3, total: 3, state: 'finished' } });
    expect(store.getState().bulkReplays[0]).toMatchObject({ done: 3, state: 'finished' });
  });

  it("lets each event take its default when no mode is chosen: the bulk replay is sent without one, as the CLI does", async () => {
    const plan = { total: 2, resign: 1, redacted: 0, ignoreVerification: 0, asConfigured: 1, failAsConfigured: 1, unsignable: 0, stale: [{ provider: 'Stripe', toleranceSeconds: 300, count: 1 }], summary: '1 of 2 events will be re-signed.' };
    const { store, calls } = setup({ 'events.replayMany': () => ({ jobId: 'job_d', total: 2 }), 'events.replayPlan': () => plan });
    await store.getState().loadEnvironments();
    store.getState().setLogFilter({ verification: 'failed' });
    const query = store.getState().currentLogQuery()!;
    expect(await store.getState().replayPlanOf(query)).toEqual(plan);
    expect(calls.find(([m]) => m === 'events.replayPlan')?.[1]).toEqual({ environment: 'development', verification: 'failed' });
    await store.getState().startBulkReplay({ mode: null, respectIdempotency: true });
    expect(calls.find(([m]) => m === 'events.replayMany')?.[1]).toEqual({ environment: 'development', verification: 'failed', respectIdempotency: true });
  });

  it('keeps progress that arrived before the job id did', async () => {
    let answer: (v: unknown) => void = () => {};
    const { store, push } = setup({ 'events.replayMany': () => new Promise((r) => (answer = r)) });
    await store.getState().loadEnvironments();
    const started = store.getState().startBulkReplay({ mode: 'as_is', respectIdempotency: false });
    push({ name: 'replay.progress', payload: { jobId: 'job_2', done: 1, total: 1, state: 'finished' } });
    answer({ jobId: 'job_2', total: 1 });
    await started;
    expect(store.getState().bulkReplays[0]).toMatchObject({ jobId: 'job_2', done: 1, state: 'finished' });
  });

  it('cancels the running job by its id and shows it cancelled', async () => {
    const { store, calls, push } = setup({ 'events.replayMany': () => ({ jobId: 'job_3', total: 100 }), 'events.cancelReplay': () => ({ cancelled: true }) });
    await store.getState().loadEnvironments();
    await store.getState().startBulkReplay({ mode: 'as_is', respectIdempotency: false });
    await store.getState().cancelBulkReplay('job_3');
    expect(calls.at(-1)).toEqual(['events.cancelReplay', { jobId: 'job_3' }]);
    push({ name: 'replay.progress', payload: { jobId: 'job_3', done: 7, total: 100, state: 'cancelled' } });
    expect(store.getState().bulkReplays[0]).toMatchObject({ done: 7, state: 'cancelled' });
  });

  it('re-attaches to bulk replays still running after a reload and follows them', async () => {
    const { store, push } = setup({ 'events.replayJobs': () => [{ jobId: 'job_9', done: 40, total: 120 }] });
    await store.getState().reattachReplays();
    expect(store.getState().bulkReplays).toEqual([{ jobId: 'job_9', done: 40, total: 120, state: 'running', reattached: true }]);
    push({ name: 'replay.progress', payload: { jobId: 'job_9', done: 120, total: 120, state: 'finished' } });
    expect(store.getState().bulkReplays[0]).toMatchObject({ done: 120, state: 'finished' });
    await store.getState().reattachReplays();
    expect(store.getState().bulkReplays).toHaveLength(1);
  });

  it('shows a bulk replay started elsewhere once its progress arrives', () => {
    const { store, push } = setup();
    push({ name: 'replay.progress', payload: { jobId: 'job_x', done: 3, total: 10, state: 'running' } });
    expect(store.getState().bulkReplays).toEqual([{ jobId: 'job_x', done: 3, total: 10, state: 'running', reattached: true }]);
  });

  it('replays a given query (the events of an import) and dismisses the finished job', async () => {
    const { store, calls } = setup({ 'events.replayMany': () => ({ jobId: 'job_4', total: 0 }) });
    await store.getState().replayMatching({ sourceId: 'src_1', environment: 'development', origin: 'import', from: 10, to: 20, max: 2 }, { mode: 'ignore_verification', respectIdempotency: false });
    expect(calls.at(-1)).toEqual(['events.replayMany', { sourceId: 'src_1', environment: 'development', origin: 'import', from: 10, to: 20, max: 2, mode: 'ignore_verification', respectIdempotency: false }]);
    expect(store.getState().bulkReplays[0]).toMatchObject({ jobId: 'job_4', state: 'finished' });
    store.getState().dismissBulkReplay('job_4');
    expect(store.getState().bulkReplays).toEqual([]);
  });
});
