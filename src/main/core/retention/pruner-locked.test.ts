import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { holdWriteLock, openContext, pendingEvent } from '../testing/locked-database';
import { createPruner } from './pruner';

let dir: string;
let opened: ReturnType<typeof openContext>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-prune-locked-'));
  opened = openContext(dir);
});
afterEach(() => {
  opened.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('retries background pruning soon after a lock by another program, not at the next period', async () => {
  const { ctx, logger } = opened;
  ctx.settings.update({ retention: { maxAgeDays: 1 } });
  const old = Date.now() - 3 * 24 * 60 * 60_000;
  ctx.events.insertMany(
    Array.from({ length: 5 }, (_, i) => ({ ...pendingEvent('src_x', { i }, 'tick'), processing: 'done' as const, receivedAt: i < 3 ? old : Date.now() })),
  );
  const pruner = createPruner(ctx, { forget: () => undefined });
  const release = holdWriteLock(dir);
  pruner.schedule(0, 60 * 60_000);
  await vi.waitFor(() => expect(logger.lines.join('\n')).toContain('retention paused: the database is locked by another program'));
  // Started without awaiting (as after a settings change): a failure must not be an unhandled rejection.
  void pruner.run();
  release();
  await vi.waitFor(() => expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 2 }), { timeout: 10_000 });
  pruner.stop();
});
