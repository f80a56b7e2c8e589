import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPruner } from '../../retention/pruner';
import { openContext, pendingEvent } from '../../testing/locked-database';
import { openDatabase, type Db } from '../db';
import { migrate } from '../migrate';
import { migrations } from '../migrations';
import { exportReadableEvents } from '../export-readable';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createEventsRepo } from './events.repo';

/*
 * Migration 004: an event's outcome lives in event_outcomes and the processor's queue in
 * pending_events, so marking an event processed never rewrites its row. Every reader must still
 * see the outcome.
 */
const dirs: string[] = [];
const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-outcomes-'));
  dirs.push(dir);
  return dir;
};
const openEvents = () => {
  const db = openDatabase(join(tempDir(), 'inlet.db'));
  closers.push(() => db.close());
  return { db, events: createEventsRepo(db) };
};
const run = { mappingId: 'm', actionType: 'users_identify' as const, status: 'error' as const, params: {}, coercions: [], errors: [], result: null, createdAt: 2 };
const rowAsWritten = (db: Db, id: number) => db.prepare('SELECT processing, action_status, action_runs FROM events WHERE id = ?').get(id);

describe('event outcomes', () => {
  it('are seen by the log, the filters, the counts and the stats, while the event row stays as written', () => {
    const { db, events } = openEvents();
    const [done, waiting] = events.insertMany([pendingEvent('src', { a: 1 }, 'a'), pendingEvent('src', { a: 2 }, 'a')]);
    const before = rowAsWritten(db, done!);
    events.markProcessed(done!, 'done', 'partial', [run]);

    expect(rowAsWritten(db, done!)).toEqual(before);
    expect(events.get(done!)).toMatchObject({ processing: 'done', actionStatus: 'partial', actionRuns: [{ id: 1, eventId: done, status: 'error' }] });
    expect(events.get(waiting!)).toMatchObject({ processing: 'pending', actionStatus: null, actionRuns: [] });
    expect(events.list({ limit: 10 }).items.map((e) => [e.id, e.processing, e.actionStatus])).toEqual([
      [waiting, 'pending', null],
      [done, 'done', 'partial'],
    ]);
    expect(events.list({ actionStatus: 'partial', limit: 10 }).items.map((e) => e.id)).toEqual([done]);
    expect(events.countMatching({ actionStatus: 'partial' }, 100)).toEqual({ count: 1, capped: false });
    expect(events.pending(10).map((e) => e.id)).toEqual([waiting]);
  });

  it('take an event off the queue, as does an answer the sender never got; one already processed keeps its outcome', () => {
    const { events } = openEvents();
    const [a, b, c] = events.insertMany([1, 2, 3].map((i) => pendingEvent('src', { i }, 'a')));
    events.markProcessed(a!, 'duplicate', null);
    events.recordAnswer(b!, 0, 'Not answered');
    events.recordAnswer(a!, 0, 'Not answered');
    expect(events.pending(10).map((e) => e.id)).toEqual([c]);
    expect(events.get(a!)).toMatchObject({ processing: 'duplicate', actionStatus: null, responseStatus: 0 });
    expect(events.get(b!)).toMatchObject({ processing: 'none', responseStatus: 0 });
  });

  it('go with their event when retention deletes it, and a pending event is never deleted', async () => {
    const dir = tempDir();
    const { ctx } = openContext(dir);
    closers.push(() => ctx.db.close());
    const old = [1, 2, 3, 4].map((i) => ({ ...pendingEvent('src', { i }, 'a'), receivedAt: 1_000 + i }));
    const ids = ctx.events.insertMany([...old, pendingEvent('src', { i: 5 }, 'a')]);
    for (const i of [0, 2, 4]) ctx.events.markProcessed(ids[i]!, 'done', 'error', [run]);
    ctx.settings.update({ retention: { maxAgeDays: 1, maxEvents: null } });
    await createPruner(ctx, { forget: () => undefined }).run();
    expect(ctx.db.prepare('SELECT id FROM events ORDER BY id').all()).toEqual([{ id: ids[1] }, { id: ids[3] }, { id: ids[4] }]);
    expect(ctx.db.prepare('SELECT event_id AS id FROM event_outcomes').all()).toEqual([{ id: ids[4] }]);
    expect(ctx.events.pending(10).map((e) => e.id)).toEqual([ids[1], ids[3]]);
  });

  it('are in the readable export', () => {
    const dir = tempDir();
    const { db, events } = openEvents();
    const [done, waiting] = events.insertMany([pendingEvent('src', { a: 1 }, 'a'), pendingEvent('src', { a: 2 }, 'a')]);
    events.markProcessed(done!, 'done', 'success');
    db.close();
    closers.length = 0;
    const file = db.name;
    const out = join(dir, 'export.jsonl');
    exportReadableEvents(file, out);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: number; processing: string });
    expect(lines.map((l) => [l.id, l.processing])).toEqual([
      [done, 'done'],
      [waiting, 'pending'],
    ]);
  });
});

describe('migration 004 on a log written before it', () => {
  it('queues the events that were pending and keeps the outcomes recorded in their rows', () => {
    const db = new Database(join(tempDir(), 'inlet.db'));
    closers.push(() => db.close());
    migrate(db, migrations.slice(0, 3));
    const insert = db.prepare(
      `INSERT INTO events (received_at, method, path, query, headers, body, body_size, verification, verification_detail,
         response_status, processing, action_status, action_runs, source_id, environment)
       VALUES (1, 'POST', '/in/t', '', '[]', x'7b7d', 2, 'unverified', '{"status":"unverified","scheme":"none"}', 200, ?, ?, ?, 'src', 'development')`,
    );
    const old = Number(insert.run('done', 'error', JSON.stringify([run])).lastInsertRowid);
    const waiting = Number(insert.run('pending', null, null).lastInsertRowid);
    const unmapped = Number(insert.run('done', 'no_mapping', null).lastInsertRowid);
    migrate(db, migrations);

    const events = createEventsRepo(db);
    expect(events.pending(10).map((e) => e.id)).toEqual([waiting]);
    expect(events.get(old)).toMatchObject({ processing: 'done', actionStatus: 'error', actionRuns: [{ id: 1, status: 'error' }] });
    expect(events.get(unmapped)).toMatchObject({ processing: 'done', actionStatus: 'no_mapping' });
    expect(events.list({ actionStatus: 'error', limit: 10 }).items.map((e) => e.id)).toEqual([old]);
    events.markProcessed(waiting, 'done', 'success');
    expect(events.pending(10)).toEqual([]);
    expect(db.prepare("SELECT id, processing FROM event_state WHERE processing = 'done' ORDER BY id").all()).toHaveLength(3);
  });
});
