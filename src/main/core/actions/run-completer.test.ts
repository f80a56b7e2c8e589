import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { holdWriteLock, openContext, recordingLogger } from '../testing/locked-database';
import { createRunCompleter, type RunCompleter } from './run-completer';

/** "Triggering workflows": a paused run completes once its delay has passed on the workspace clock. */
let dir: string;
let opened: ReturnType<typeof openContext>;
let completer: RunCompleter | undefined;
const clock = { t: 1_000_000, now: () => clock.t };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-completer-'));
  opened = openContext(dir);
  clock.t = 1_000_000;
  opened.ctx.workspace.insertRun({
    id: 'run_1', triggerId: 'wfr_1', resumeAt: clock.t + 60_000, subscription: null, environment: 'development', workflowKey: 'digest',
    recipient: { collection: '$users', id: 'ada' }, actor: null, tenant: null, data: {}, cancellationKey: null, eventId: null, createdAt: clock.t,
  });
});
afterEach(() => {
  completer?.stop();
  opened.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});
const status = () => (opened.ctx.db.prepare("SELECT status FROM ws_workflow_runs WHERE id = 'run_1'").get() as { status: string }).status;

it('completes a paused run by itself once the clock passes its delay', async () => {
  completer = createRunCompleter(opened.ctx.workspace, clock, { maxWaitMs: 10 });
  completer.start();
  await new Promise((r) => setTimeout(r, 30));
  expect(status()).toBe('paused');
  clock.t += 60_000;
  await vi.waitFor(() => expect(status()).toBe('completed'), { timeout: 5000 });
});

it('keeps going when the database is locked by another program: logs once, retries with backoff, completes after', async () => {
  const logger = recordingLogger();
  clock.t += 60_000;
  const release = holdWriteLock(dir);
  completer = createRunCompleter(opened.ctx.workspace, clock, { logger, maxWaitMs: 10 });
  completer.start();
  await vi.waitFor(() => expect(completer!.failures).toBeGreaterThan(0), { timeout: 5000 });
  expect(status()).toBe('paused');
  release();
  await vi.waitFor(() => expect(status()).toBe('completed'), { timeout: 15_000 });
  expect(logger.lines.filter((l) => l.includes('completing paused workflow runs paused'))).toHaveLength(1);
});
