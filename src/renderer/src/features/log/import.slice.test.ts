import { describe, expect, it } from 'vitest';
import { createAppStore, wirePushEvents } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { detail, summary } from '../../test/fixtures';
import type { Capture } from './capture-format';
import { chunkCaptures } from './import.slice';

const envs = [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }];
const capture = (i: number): Capture => ({ method: 'POST', headers: {}, body: `{"n":${i}}`, bodyEncoding: 'utf8', query: '' });
const options = { mode: 'ignore_verification', respectIdempotency: false } as const;

function setup(extra: Record<string, (input: unknown) => unknown> = {}) {
  let nextId = 100;
  const fake = fakeApi({
    'environments.list': () => envs,
    'events.list': () => ({ items: [], nextCursor: null }),
    'events.import': (i) => ({ ids: (i as { items: unknown[] }).items.map(() => nextId++) }),
    'events.get': (i) => detail({ id: (i as { id: number }).id, receivedAt: 1_000 + (i as { id: number }).id }),
    ...extra,
  });
  const store = createAppStore(fake.api);
  wirePushEvents(fake.api, store);
  return { ...fake, store };
}

describe('chunkCaptures', () => {
  it('cuts by item count and by size, sending an oversized item on its own', () => {
    expect(chunkCaptures([1, 2, 3, 4, 5], 2, 1_000).map((c) => c.length)).toEqual([2, 2, 1]);
    expect(chunkCaptures(['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(30), 'd'], 10, 20).map((c) => c.length)).toEqual([1, 1, 1, 1]);
    expect(chunkCaptures([])).toEqual([]);
  });
});

describe('import slice', () => {
  it('imports in chunks of at most 500, keeping every id in order', async () => {
    const { store, calls } = setup();
    await store.getState().importCaptures('src_1', 'development', Array.from({ length: 1_200 }, (_, i) => capture(i)));
    const sent = calls.filter(([m]) => m === 'events.import').map(([, i]) => (i as { items: unknown[] }).items.length);
    expect(sent).toEqual([500, 500, 200]);
    expect(store.getState().importJob).toMatchObject({ state: 'done', sent: 1_200, total: 1_200 });
    expect(store.getState().importJob?.ids.slice(0, 3)).toEqual([100, 101, 102]);
  });

  it('stops before the next chunk when cancelled, keeping what was imported', async () => {
    const { store, calls } = setup({
      'events.import': (i) => {
        store.getState().cancelImport();
        return { ids: (i as { items: unknown[] }).items.map((_, n) => n + 1) };
      },
    });
    await store.getState().importCaptures('src_1', 'development', Array.from({ length: 1_200 }, (_, i) => capture(i)));
    expect(calls.filter(([m]) => m === 'events.import')).toHaveLength(1);
    expect(store.getState().importJob).toMatchObject({ state: 'cancelled', sent: 500 });
  });

  it('says why a chunk was refused', async () => {
    const { store } = setup({
      'events.import': () => {
        throw new Error('source not found');
      },
    });
    await store.getState().importCaptures('src_1', 'development', [capture(1)]);
    expect(store.getState().importJob).toMatchObject({ state: 'failed', sent: 0, error: expect.stringContaining('source not found') });
  });

  it('replays a handful one by one, then shows the replays of that source and opens the first', async () => {
    let replayId = 200;
    const { store, calls } = setup({ 'events.replay': (i) => summary({ id: replayId++, origin: 'replay', replayOf: (i as { id: number }).id }) });
    await store.getState().loadEnvironments();
    await store.getState().importCaptures('src_1', 'development', [capture(1), capture(2)]);
    expect(await store.getState().replayImported(options)).toBe(true);
    expect(calls.filter(([m]) => m === 'events.replay').map(([, i]) => i)).toEqual([
      { id: 100, ...options },
      { id: 101, ...options },
    ]);
    expect(store.getState().view).toBe('log');
    expect(calls.filter(([m]) => m === 'events.list').at(-1)?.[1]).toMatchObject({ environment: 'development', sourceId: 'src_1', origin: 'replay' });
    expect(store.getState().selectedEventId).toBe(200);
    expect(store.getState().importJob).toBeNull();
  });

  it("replays imported events in each one's default mode when none is chosen (no mode sent)", async () => {
    let replayId = 300;
    const { store, calls } = setup({ 'events.replay': (i) => summary({ id: replayId++, origin: 'replay', replayOf: (i as { id: number }).id }) });
    await store.getState().loadEnvironments();
    await store.getState().importCaptures('src_1', 'development', [capture(1)]);
    expect(await store.getState().replayImported({ mode: null, respectIdempotency: false })).toBe(true);
    expect(calls.filter(([m]) => m === 'events.replay').map(([, i]) => i)).toEqual([{ id: 100, respectIdempotency: false }]);
  });

  it('replays many as one bulk job over exactly the imported events', async () => {
    const { store, calls } = setup({ 'events.replayMany': () => ({ jobId: 'job_1', total: 8 }) });
    await store.getState().loadEnvironments();
    await store.getState().importCaptures('src_1', 'development', Array.from({ length: 8 }, (_, i) => capture(i)));
    expect(await store.getState().replayImported(options)).toBe(true);
    const sent = calls.find(([m]) => m === 'events.replayMany')?.[1] as { ids: number[]; max: number };
    expect(sent).toMatchObject({ max: 8, ...options });
    expect(sent.ids).toHaveLength(8);
    expect(new Set(sent.ids).size).toBe(8);
    expect(store.getState().bulkReplays[0]).toMatchObject({ jobId: 'job_1', state: 'running', total: 8 });
  });
});

describe('captures import', () => {
  const progress = (state: 'running' | 'finished', extra: Record<string, unknown> = {}) => ({
    name: 'captures.progress' as const,
    payload: { jobId: 'import_1', state, format: 'curl' as const, imported: 2, skipped: 0, failed: 1, errors: [{ where: 'line 4', error: 'has no URL.' }], read: 10, total: 10, ...extra },
  });

  it('follows the job to its end even when it ends before captures.import answers', async () => {
    let push: (m: ReturnType<typeof progress>) => void = () => {};
    const { store, calls, push: send } = setup({ 'captures.import': () => (push(progress('finished', { ids: [7, 8] })), { jobId: 'import_1' }) });
    push = send;
    await store.getState().importCaptureSource('src_1', 'development', { name: 'pasted text', text: 'curl …' }, [1, 3]);
    expect(calls.find(([m]) => m === 'captures.import')?.[1]).toMatchObject({ text: 'curl …', select: [1, 3] });
    expect(store.getState().importJob).toMatchObject({ state: 'done', ids: [7, 8], imported: 2, failed: 1, errors: [{ where: 'line 4' }] });
  });

  it('cancels the job on the host', async () => {
    const { store, calls, push } = setup({ 'captures.import': () => ({ jobId: 'import_1' }), 'captures.cancel': () => ({ cancelled: true }) });
    await store.getState().importCaptureSource('src_1', 'development', { name: 'pasted text', text: 'x' });
    push(progress('running'));
    expect(store.getState().importJob?.state).toBe('sending');
    store.getState().cancelImport();
    expect(calls.some(([m, i]) => m === 'captures.cancel' && (i as { jobId: string }).jobId === 'import_1')).toBe(true);
  });
});
