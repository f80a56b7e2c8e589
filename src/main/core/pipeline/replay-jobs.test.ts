import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushPayload } from '../../../shared/api/events';
import { createIngestQueue } from '../receiver/ingest-queue';
import { holdWriteLock, openContext } from '../testing/locked-database';
import { startTestCore, type TestCore } from '../testing/test-core';
import { createReplayJobs } from './replay-jobs';

let t: TestCore;
let progress: Array<PushPayload<'replay.progress'>>;
beforeEach(async () => {
  t = await startTestCore();
  progress = [];
  t.core.subscribe((m) => m.name === 'replay.progress' && progress.push(m.payload));
});
afterEach(() => t.close());

async function received(count: number): Promise<number[]> {
  const { url } = await t.source('bulk');
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ i }) });
    ids.push(((await res.json()) as { event_id: number }).event_id);
  }
  return ids;
}

const finished = () => progress.find((p) => p.state === 'finished');

describe('a bulk replay', () => {
  it('counts a replay that failed and reports its reason instead of calling the job a full success', async () => {
    const ids = await received(3);
    const { jobId, total } = await t.call('events.replayMany', { ids: [...ids, 999_999], mode: 'as_is', respectIdempotency: false });
    expect(total).toBe(4);
    await vi.waitFor(() => expect(finished()).toBeDefined());
    expect(finished()).toMatchObject({ jobId, done: 4, total: 4, failed: 1, failures: [{ id: 999_999, error: 'No event 999999' }] });
    const { items } = await t.call('events.list', { limit: 50 });
    expect(items.filter((e) => e.replayOf !== null)).toHaveLength(3);
  });

  it('judges each event of a chunk by its own source: a disabled source refuses its replays, the other accepts them', async () => {
    const alpha = await t.source('alpha');
    const beta = await t.source('beta');
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const url = i % 2 === 0 ? alpha.url : beta.url;
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ i }) });
      ids.push(((await res.json()) as { event_id: number }).event_id);
    }
    await t.call('sources.update', { id: beta.id, settings: { development: { enabled: false } } });
    await t.call('events.replayMany', { ids, mode: 'as_is', respectIdempotency: false });
    await vi.waitFor(() => expect(finished()).toBeDefined());
    const { items } = await t.call('events.list', { limit: 50, origin: 'replay' });
    const answersOf = (sourceId: string) => items.filter((e) => e.sourceId === sourceId).map((e) => e.responseStatus);
    expect(answersOf(alpha.id)).toEqual([200, 200, 200]);
    expect(answersOf(beta.id)).toEqual([403, 403, 403]);
  });

  it('waits out a database locked by another program and replays every event once it is released', async () => {
    await t.close();
    const dir = mkdtempSync(join(tmpdir(), 'inlet-replay-locked-'));
    t = await startTestCore({ dir });
    const ids = await received(3);
    await t.close();
    const opened = openContext(dir);
    try {
      const { ctx, logger, pushed } = opened;
      const queue = createIngestQueue(ctx.events.insertMany, () => undefined, { logger, maxWaitMs: 100 });
      const release = holdWriteLock(dir);
      createReplayJobs(ctx, queue).start({}, 100, { mode: 'as_is', respectIdempotency: false }, ids);
      await vi.waitFor(() => expect(logger.lines.join('\n')).toContain('bulk replay paused: the database is locked by another program'));
      release();
      const done = () => pushed.find((m) => m.name === 'replay.progress' && m.payload.state === 'finished')?.payload;
      await vi.waitFor(() => expect(done()).toBeDefined(), { timeout: 15_000 });
      expect(done()).toMatchObject({ done: 3, total: 3 });
      expect(done()).not.toHaveProperty('failed');
      expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM events WHERE replay_of IS NOT NULL').get()).toEqual({ n: 3 });
    } finally {
      opened.ctx.db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
