import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db';
import { actionIssueOfRuns } from './event-action-issue';
import { createEventsRepo, type ActionRunRecord, type NewEvent } from './events.repo';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-action-issue-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'inlet.db'));
  dbs.push(db);
  return { db, events: createEventsRepo(db) };
}

const event = (): NewEvent => ({
  receivedAt: 1_000, sourceId: 'src', environment: 'development', method: 'POST', path: '/in/t', query: '',
  headers: [], contentType: 'application/json', body: Buffer.from('{"a":1}'), parseError: null, eventType: 'a',
  idempotencyKey: null, verification: { status: 'unverified', scheme: 'none' }, responseStatus: 200, error: null,
  remoteAddress: null, processing: 'pending', actionStatus: null, replayOf: null, replayMode: null, origin: 'received',
  dedupe: true, preprocessOutput: null,
});

const run = (over: Partial<ActionRunRecord>): ActionRunRecord => ({
  mappingId: 'map_ok', actionType: 'workflows_trigger', status: 'success', params: { data: { big: 'x'.repeat(1000) } },
  coercions: [], errors: [], result: { workflow_run_ids: ['r1'] }, createdAt: 2, ...over,
});

describe("a log page's brief of runs that did not succeed", () => {
  it('names the first skipped run with its reason and unidentified recipients, and counts the others', () => {
    const { events } = open();
    const [id] = events.insertMany([event()]);
    events.markProcessed(id!, 'done', 'partial', [
      run({}),
      run({ mappingId: 'map_trigger', status: 'skipped', result: { reason: 'No run started', not_identified: ['cus_1', 'cus_2', 'cus_3', 'cus_4'] } }),
      run({ mappingId: 'map_wf', status: 'error', errors: [{ code: 'not_found', param: 'key', what: 'workflow', key: 'invoice-paid', message: 'No workflow' }], result: null }),
    ]);
    const [row] = events.list({ limit: 10 }).items;
    expect(row?.actionIssue).toEqual({
      mappingId: 'map_trigger', status: 'skipped', reason: 'No run started', notIdentified: ['cus_1', 'cus_2', 'cus_3'],
      notIdentifiedCount: 4, error: null, others: 1,
    });
  });

  it("carries a failed run's first error (a missing workflow) for the fix", () => {
    const { events } = open();
    const [id] = events.insertMany([event()]);
    const error = { code: 'not_found' as const, param: 'key', what: 'workflow', key: 'invoice-paid', message: 'No workflow "invoice-paid"' };
    events.markProcessed(id!, 'done', 'error', [run({ mappingId: 'map_wf', status: 'error', errors: [error], result: null })]);
    expect(events.list({ limit: 10 }).items[0]?.actionIssue).toMatchObject({ mappingId: 'map_wf', status: 'error', reason: null, error, others: 0 });
  });

  it('leaves successful, unprocessed and damaged events without one, and the page still loads', () => {
    const { db, events } = open();
    const [ok, pending, damaged] = events.insertMany([event(), event(), event()]);
    events.markProcessed(ok!, 'done', 'success', [run({})]);
    events.markProcessed(damaged!, 'done', 'error', [run({ status: 'error' })]);
    db.prepare('UPDATE event_outcomes SET action_runs = ? WHERE event_id = ?').run('not json', damaged);
    const rows = events.list({ limit: 10 }).items;
    expect(rows.map((r) => r.id)).toEqual([damaged, pending, ok]);
    expect(rows.map((r) => 'actionIssue' in r)).toEqual([false, false, false]);
  });
});

describe("the processor's brief for its push", () => {
  it('names the first run that did not succeed and nothing for an all-successful event', () => {
    const runs = [run({}), run({ mappingId: 'map_s', status: 'skipped', result: { reason: 'condition not met' } }), run({ status: 'error', result: null })];
    expect(actionIssueOfRuns(runs)).toEqual({
      actionIssue: { mappingId: 'map_s', status: 'skipped', reason: 'condition not met', notIdentified: [], notIdentifiedCount: 0, error: null, others: 1 },
    });
    expect(actionIssueOfRuns([run({})])).toEqual({});
  });
});
