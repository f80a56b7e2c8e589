import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceRepo } from '../store/repos/workspace.repo';
import { openContext, pendingEvent } from '../testing/locked-database';
import { startTestCore } from '../testing/test-core';
import { createProcessor } from './processor';

let dir: string;
let sourceId: string;
let opened: ReturnType<typeof openContext>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-processor-'));
  // Configured through the API once, then processed step by step on the same file.
  const t = await startTestCore({ dir });
  sourceId = (await t.source('processor')).id;
  await t.call('workflows.create', { environment: 'development', key: 'tick' });
  for (const [eventType, workflow] of [['tick', 'tick'], ['claim', 'later']] as const) {
    await t.call('mappings.create', { sourceId, eventType, actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.user' } });
    await t.call('mappings.create', {
      sourceId, eventType, actionType: 'workflows_trigger', activeIn: ['development'], params: { key: `"${workflow}"`, recipients: 'body.user', data: 'body' },
    });
  }
  await t.close();
  opened = openContext(dir);
});
afterEach(() => {
  opened.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string): T[] => opened.ctx.db.prepare(sql).all() as T[];
const outcomes = () => all<{ id: number; processing: string; status: string | null }>('SELECT id, processing, action_status AS status FROM event_state ORDER BY id');

/** A workspace whose run insert fails for one recipient, as a full disk or a constraint would. */
const failingFor = (recipient: string, workspace: WorkspaceRepo): WorkspaceRepo => ({
  ...workspace,
  insertRun(run) {
    if (run.recipient.id === recipient) throw new Error('disk I/O error (simulated)');
    workspace.insertRun(run);
  },
});

describe('the processor', () => {
  it('retries a batch that could not commit one event at a time: the others run once, the bad one keeps what succeeded', () => {
    const { ctx, logger, pushed } = opened;
    const ids = ctx.events.insertMany(['u0', 'u1', 'boom', 'u3', 'u4'].map((user) => pendingEvent(sourceId, { user }, 'tick')));
    const processor = createProcessor({ ...ctx, workspace: failingFor('boom', ctx.workspace) });

    expect(processor.drain()).toBe(5);

    expect(logger.lines.join('\n')).toContain('processing a batch failed; retrying event by event');
    expect(outcomes()).toEqual(ids.map((id, i) => ({ id, processing: 'done', status: i === 2 ? 'partial' : 'success' })));
    // The rolled-back first attempt left nothing behind: exactly one run per good event, none for the bad one.
    const runs = all<{ eventId: number; n: number }>('SELECT event_id AS eventId, COUNT(*) AS n FROM ws_workflow_runs GROUP BY event_id ORDER BY event_id');
    expect(runs).toEqual(ids.filter((_, i) => i !== 2).map((eventId) => ({ eventId, n: 1 })));
    // Its identify ran in its own savepoint and stays; only the failed trigger was undone.
    expect(all<{ id: string }>('SELECT id FROM ws_users ORDER BY id').map((u) => u.id)).toEqual(['boom', 'u0', 'u1', 'u3', 'u4']);
    const bad = ctx.events.get(ids[2]!)!;
    expect(bad.actionRuns.map((r) => [r.actionType, r.status])).toEqual([['users_identify', 'success'], ['workflows_trigger', 'error']]);
    expect(bad.actionRuns[1]!.errors[0]).toMatchObject({ code: 'execution_failed', message: expect.stringContaining('disk I/O error (simulated)') });
    expect(pushed.filter((m) => m.name === 'events.processed').map((m) => m.payload)).toEqual(
      ids.map((id, i) =>
        i === 2
          ? { id, processing: 'done', actionStatus: 'partial', actionIssue: expect.objectContaining({ status: 'error', error: expect.objectContaining({ code: 'execution_failed' }) }) }
          : { id, processing: 'done', actionStatus: 'success' },
      ),
    );
    processor.stop();
  });

  it('retries from every event its transaction read when one past the first 64 fails, and runs each good one once', () => {
    const { ctx, pushed } = opened;
    const users = Array.from({ length: 150 }, (_, i) => (i === 100 ? 'boom' : `u${i}`));
    const ids = ctx.events.insertMany(users.map((user) => pendingEvent(sourceId, { user }, 'tick')));
    const processor = createProcessor({ ...ctx, workspace: failingFor('boom', ctx.workspace) });

    expect(processor.drain()).toBe(150);

    expect(outcomes()).toEqual(ids.map((id, i) => ({ id, processing: 'done', status: i === 100 ? 'partial' : 'success' })));
    const runs = all<{ n: number }>('SELECT COUNT(*) AS n FROM ws_workflow_runs GROUP BY event_id');
    expect(runs).toHaveLength(149);
    expect(runs.every((r) => r.n === 1)).toBe(true);
    expect(pushed.filter((m) => m.name === 'events.processed').map((m) => (m.payload as { id: number }).id)).toEqual(ids);
    processor.stop();
  });

  it('maps events handed over parsed without their bytes, and reads the bytes of those that were not', () => {
    const { ctx } = opened;
    const processor = createProcessor(ctx);
    const logged = ctx.events.insertMany([pendingEvent(sourceId, { user: 'from-the-log' }, 'tick')]);
    // The parsed view wins when handed over: a mapping reads `handed-over`, not what the bytes say.
    const written = [{ ...pendingEvent(sourceId, { user: 'in-the-bytes' }, 'tick'), parsedBody: { user: 'handed-over' } }];
    const ids = ctx.events.insertMany(written);
    processor.written(ids, written);

    expect(processor.drain()).toBe(2);

    expect(outcomes()).toEqual([...logged, ...ids].map((id) => ({ id, processing: 'done', status: 'success' })));
    expect(all<{ id: string }>('SELECT id FROM ws_users ORDER BY id').map((u) => u.id)).toEqual(['from-the-log', 'handed-over']);
    processor.stop();
  });

  it('reads a backlog older than what it holds parsed with its bodies, not body by body', () => {
    const { ctx } = opened;
    let bodiesAlone = 0;
    const events = { ...ctx.events, bodyOf: (id: number) => (bodiesAlone++, ctx.events.bodyOf(id)) };
    const processor = createProcessor({ ...ctx, events });
    ctx.events.insertMany(Array.from({ length: 200 }, (_, i) => pendingEvent(sourceId, { user: `old${i}` }, 'tick')));
    const written = [{ ...pendingEvent(sourceId, { user: 'new' }, 'tick'), parsedBody: { user: 'new' } }];
    processor.written(ctx.events.insertMany(written), written);

    expect(processor.drain()).toBe(201);

    expect(all<{ n: number }>('SELECT COUNT(*) AS n FROM ws_users')).toEqual([{ n: 201 }]);
    // At most the first read of the backlog, before the processor sees it holds none of it.
    expect(bodiesAlone).toBeLessThanOrEqual(64);
    processor.stop();
  });

  it('lets only a fully successful run claim the idempotency key, so the provider’s retry of a failed one runs', () => {
    const { ctx } = opened;
    const processor = createProcessor(ctx);
    const send = (user: string) => {
      const [id] = ctx.events.insertMany([{ ...pendingEvent(sourceId, { user }, 'claim'), idempotencyKey: 'evt_same' }]);
      processor.drain();
      return outcomes().find((o) => o.id === id);
    };

    // The workflow does not exist yet: identify succeeds, the trigger fails — partial, not a claim.
    expect(send('ada')).toMatchObject({ processing: 'done', status: 'partial' });
    ctx.workspaceQuery.createWorkflow('development', 'later', 'Later', 1);
    expect(send('ada')).toMatchObject({ processing: 'done', status: 'success' });
    expect(send('ada')).toMatchObject({ processing: 'duplicate', status: null });
    expect(all('SELECT id FROM ws_workflow_runs')).toHaveLength(1);
    processor.stop();
  });
});
