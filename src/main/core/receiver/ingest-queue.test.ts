import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdWriteLock, openContext, pendingEvent } from '../testing/locked-database';
import { DatabaseBusyError } from '../util/sqlite-errors';
import { createIngestQueue } from './ingest-queue';

let dir: string;
let opened: ReturnType<typeof openContext>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-ingest-'));
  opened = openContext(dir);
});
afterEach(() => {
  opened.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = (n: number) => ({ ...pendingEvent('src_x', { n }, 'tick'), sourceId: null, environment: null, processing: 'none' as const });

describe('the ingest queue with a database locked by another program', () => {
  it('refuses a request with a Retry-After once it has waited long enough, then logs it as 503 when the database is writable', async () => {
    const { ctx } = opened;
    const committed: number[] = [];
    const queue = createIngestQueue(ctx.events.insertMany, (ids) => committed.push(...ids), { maxWaitMs: 200, logger: opened.logger });
    const release = holdWriteLock(dir);
    const refused = await queue.enqueue(request(1), { ifRefused: 'log-503' }).then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(DatabaseBusyError);
    expect((refused as DatabaseBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });

    release();
    await vi.waitFor(() => expect(committed.length).toBe(1), { timeout: 5_000 });
    const row = ctx.db.prepare('SELECT response_status, body_size, processing, error FROM events').get() as Record<string, unknown>;
    expect(row).toMatchObject({ response_status: 503, body_size: 0, processing: 'none' });
    expect(String(row.error)).toMatch(/another program held the database's write lock, so Inlet answered 503 \(Retry-After: \d+ s\)\. The body \(\d+ bytes\) was not kept/);
    expect(opened.logger.lines.filter((l) => l.includes('writing received requests paused'))).toHaveLength(1);
  });

  it('writes a request that waited out a short lock, without refusing it', async () => {
    const { ctx } = opened;
    const queue = createIngestQueue(ctx.events.insertMany, () => undefined, { maxWaitMs: 5_000, logger: opened.logger });
    const release = holdWriteLock(dir);
    const written = queue.enqueue(request(2));
    await vi.waitFor(() => expect(opened.logger.lines.join('\n')).toContain('writing received requests paused'));
    release();
    const id = await written;
    expect(ctx.events.get(id)?.responseStatus).toBe(200);
  });

  it('still rejects other write failures at once, with their own error', async () => {
    const queue = createIngestQueue(() => { throw new Error('disk I/O error'); }, () => undefined);
    await expect(queue.enqueue(request(3))).rejects.toThrow('disk I/O error');
  });
});

describe('group commit', () => {
  it('writes a few requests that arrive within a millisecond of the last commit together; one after a quiet moment, or many at once, without waiting', async () => {
    const { ctx } = opened;
    const clock = { t: 1_000 };
    const batches: number[] = [];
    const queue = createIngestQueue((events) => (batches.push(events.length), ctx.events.insertMany(events)), () => undefined, { now: () => clock.t });
    await queue.enqueue(request(1));
    // Half a millisecond later, two requests in two turns of the event loop: one commit.
    clock.t += 0.5;
    const first = queue.enqueue(request(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([1]);
    const second = queue.enqueue(request(3));
    await Promise.all([first, second]);
    expect(batches).toEqual([1, 2]);
    // After a quiet moment: committed in the next turn, without a timer's wait.
    clock.t += 50;
    const third = queue.enqueue(request(4));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([1, 2, 1]);
    await third;
    // Eight at once right after a commit (a saturated receiver): committed without waiting.
    clock.t += 0.1;
    const eight = Array.from({ length: 8 }, (_, i) => queue.enqueue(request(5 + i)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([1, 2, 1, 8]);
    await Promise.all(eight);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 12 });
  });
});
