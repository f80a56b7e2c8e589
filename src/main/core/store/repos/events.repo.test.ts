import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db';
import { createEventsRepo, type NewEvent } from './events.repo';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-events-repo-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'inlet.db'));
  dbs.push(db);
  return { db, events: createEventsRepo(db) };
}

const event = (over: Partial<NewEvent> = {}): NewEvent => ({
  receivedAt: 1_000, sourceId: 'src', environment: 'development', method: 'POST', path: '/in/t', query: '',
  headers: [['content-type', 'application/json']], contentType: 'application/json', body: Buffer.from('{"a":1}'),
  parseError: null, eventType: 'a', idempotencyKey: null, verification: { status: 'unverified', scheme: 'none' },
  responseStatus: 200, error: null, remoteAddress: null, processing: 'pending', actionStatus: null,
  replayOf: null, replayMode: null, origin: 'received', dedupe: true,
  preprocessOutput: { ok: true, extra: { plan: 'pro' }, logs: [], durationMs: 1 }, ...over,
});

describe('reading stored events', () => {
  it('reads back the JSON columns it wrote', () => {
    const { events } = open();
    const [id] = events.insertMany([event()]);
    events.markProcessed(id!, 'done', 'skipped', [
      { mappingId: 'm', actionType: 'users_identify', status: 'skipped', params: {}, coercions: [], errors: [], result: null, createdAt: 2 },
    ]);
    expect(events.get(id!)).toMatchObject({
      headers: [['content-type', 'application/json']],
      verificationResult: { status: 'unverified', scheme: 'none' },
      preprocessOutput: { extra: { plan: 'pro' } },
      actionRuns: [{ id: 1, eventId: id, mappingId: 'm', status: 'skipped' }],
    });
  });

  it.each([
    ['headers', '{"content-type":"application/json"}', /Event \d+ cannot be read: its stored headers column does not hold what Inlet writes/],
    ['verification_detail', '{"status":"maybe"}', /Event \d+ cannot be read: its stored verification_detail column does not hold what Inlet writes at status/],
    ['preprocess_output', 'not json', /Event \d+ cannot be read: its stored preprocess_output column is not JSON/],
    ['action_runs', '[{"status":"success"}]', /Event \d+ cannot be read: its stored action_runs column does not hold what Inlet writes at 0\./],
  ])('names the event and the column when its stored %s is damaged', (column, text, message) => {
    const { db, events } = open();
    const [id] = events.insertMany([event()]);
    db.prepare(`UPDATE events SET ${column} = ? WHERE id = ?`).run(text, id);
    expect(() => events.get(id!)).toThrow(message);
    expect(() => events.get(id!)).toThrow(`Event ${id} `);
  });

  it('hands a damaged pending event to the processor as damaged instead of failing every batch', () => {
    const { db, events } = open();
    const [bad, good] = events.insertMany([event(), event()]);
    db.prepare('UPDATE events SET headers = ? WHERE id = ?').run('[["only-a-name"]]', bad);
    const pending = events.pending(10);
    expect(pending.map((e) => [e.id, e.damaged])).toEqual([
      [bad, expect.stringMatching(new RegExp(`^Event ${bad} cannot be read: its stored headers column`))],
      [good, null],
    ]);
    expect(pending[1]).toMatchObject({ headers: [['content-type', 'application/json']], preprocess: { plan: 'pro' } });
  });
});

describe('writing events inside a caller’s transaction (the ingest writer)', () => {
  it('writes them in order as part of that transaction, and refuses to run outside one', () => {
    const { db, events } = open();
    expect(() => events.insertWithin([event()])).toThrow('insertWithin needs a transaction the caller holds');
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    expect(count()).toBe(0);

    const ids = db.transaction(() => events.insertWithin([event({ eventType: 'first' }), event({ eventType: 'second' })]))();
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]! + 1);
    expect(ids.map((id) => events.get(id)?.eventType)).toEqual(['first', 'second']);
    // Pending events are queued for the processor in the same transaction.
    expect(events.pending(10).map((e) => e.id)).toEqual(ids);

    // The caller's rollback takes them with it.
    expect(() =>
      db.transaction(() => {
        events.insertWithin([event()]);
        throw new Error('the caller failed');
      })(),
    ).toThrow('the caller failed');
    expect(count()).toBe(2);
  });
});
