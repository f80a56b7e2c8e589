import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdWriteLock, openContext, pendingEvent } from '../testing/locked-database';
import { startTestCore } from '../testing/test-core';
import { indexInBackground, SEARCH_INDEX_FILE } from '../store/search-index';
import { createProcessor } from './processor';

let dir: string;
let sourceId: string;
let opened: ReturnType<typeof openContext>;
let release: (() => void) | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-locked-'));
  // Configured through the API once, then driven job by job on the same file.
  const t = await startTestCore({ dir });
  sourceId = (await t.source('locked')).id;
  await t.call('workflows.create', { environment: 'development', key: 'tick' });
  await t.call('mappings.create', { sourceId, eventType: 'tick', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.user' } });
  await t.call('mappings.create', {
    sourceId, eventType: 'tick', actionType: 'workflows_trigger', activeIn: ['development'], params: { key: '"tick"', recipients: 'body.user', data: 'body' },
  });
  await t.close();
  opened = openContext(dir);
});
afterEach(() => {
  release?.();
  release = null;
  opened.ctx.searchDb.close();
  opened.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string): number => (opened.ctx.db.prepare(sql).get() as { n: number }).n;

describe('background jobs while another program holds the write lock', () => {
  it('keeps events pending while the database is locked and processes each exactly once after', async () => {
    const { ctx, logger } = opened;
    ctx.events.insertMany(Array.from({ length: 10 }, (_, i) => pendingEvent(sourceId, { user: `u${i}` }, 'tick')));
    const processor = createProcessor(ctx);
    release = holdWriteLock(dir);
    processor.kick();
    await vi.waitFor(() => expect(logger.lines.join('\n')).toContain('processing paused: the database is locked by another program'));
    expect(count("SELECT COUNT(*) AS n FROM event_state WHERE processing = 'pending'")).toBe(10);

    release();
    release = null;
    await vi.waitFor(() => expect(count("SELECT COUNT(*) AS n FROM event_state WHERE processing = 'pending'")).toBe(0), { timeout: 10_000 });
    expect(count("SELECT COUNT(*) AS n FROM event_state WHERE action_status = 'success'")).toBe(10);
    expect(count('SELECT COUNT(*) AS n FROM ws_workflow_runs')).toBe(10);
    expect(logger.lines.filter((l) => l.includes('processing paused'))).toHaveLength(1);
    processor.stop();
  });

  it('pauses full-text indexing while another program locks the index file, and catches up after', async () => {
    const { ctx, logger } = opened;
    ctx.events.insertMany([pendingEvent(sourceId, { user: 'findable-needle' }, 'tick')]);
    release = holdWriteLock(dir, SEARCH_INDEX_FILE);
    const index = indexInBackground(ctx.searchDb, { logger });
    try {
      await vi.waitFor(() => expect(logger.lines.join('\n')).toContain('full-text indexing paused'), { timeout: 10_000 });
      // A search during the lock is answered from what is indexed so far, without waiting for the thread.
      expect(await index.catchUp()).toBe(false);
      expect(ctx.events.list({ search: 'needle', limit: 10 }).items).toEqual([]);

      release();
      release = null;
      await vi.waitFor(async () => expect(await index.catchUp()).toBe(true), { timeout: 10_000 });
      expect(ctx.events.list({ search: 'needle', limit: 10 }).items).toHaveLength(1);
      expect(logger.lines.join('\n')).toContain('full-text indexing resumed');
    } finally {
      await index.stop();
    }
  });
});
