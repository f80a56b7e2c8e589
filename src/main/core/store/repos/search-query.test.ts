import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db';
import { createSearchIndexer } from './search-index';
import { createEventsRepo, type NewEvent } from './events.repo';
import { createSearchQuery, MAX_PREFIX_TERMS, tokensOf } from './search-query';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-search-query-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'inlet.db'));
  dbs.push(db);
  return { db, events: createEventsRepo(db), indexer: createSearchIndexer(db), query: createSearchQuery(db) };
}

const event = (body: string): NewEvent => ({
  receivedAt: 1_000, sourceId: 'src', environment: 'development', method: 'POST', path: '/in/t', query: '',
  headers: [], contentType: 'application/json', body: Buffer.from(body), parseError: null, eventType: 'a',
  idempotencyKey: null, verification: { status: 'unverified', scheme: 'none' }, responseStatus: 200, error: null,
  remoteAddress: null, processing: 'none', actionStatus: null, replayOf: null, replayMode: null, origin: 'received',
  dedupe: true, preprocessOutput: null,
});

/** A log where "user…" covers more terms than a prefix may expand to; one event names Ada. */
function broadLog() {
  const t = open();
  const bodies = Array.from({ length: MAX_PREFIX_TERMS + 50 }, (_, i) => JSON.stringify({ email: `user${i}@example.com`, note: i === 7 ? 'Ada renewal' : 'x' }));
  for (let i = 0; i < bodies.length; i += 2000) t.events.insertMany(bodies.slice(i, i + 2000).map(event));
  while (t.indexer.indexBatch(5000) > 0);
  return t;
}

describe('the search query', () => {
  it('folds tokens as the index does', () => {
    expect(tokensOf('User42@Exámple.COM')).toEqual(['user42', 'example', 'com']);
  });

  it('matches finished words whole and the word being typed as a prefix, quoting what FTS would read as syntax', () => {
    const { query } = open();
    expect(query('invoice pay')).toBe('"invoice" "pay"*');
    expect(query('a"b NEAR')).toBe('"a""b" "NEAR"*');
  });

  it('never expands a prefix of one or two characters: a whole word alone, dropped after other tokens', () => {
    const { query } = open();
    expect(query('eu')).toBe('"eu"');
    expect(query('user42@example.c')).toBe('"user42 example"');
  });

  it('matches a prefix covering too many terms as a whole word, or drops it after other tokens, and finds the same events', () => {
    const { query, events } = broadLog();
    expect(query('user')).toBe('"user"');
    expect(query('user7 u')).toBe('"user7" "u"');
    expect(query('example.u')).toBe('"example"');
    expect(query('user7@exa')).toBe('"user7@exa"*');
    expect(query('user1000')).toBe('"user1000"*');
    // A narrow prefix still finds by prefix; the broad one still narrows by the finished token.
    expect(events.list({ search: 'user1000', limit: 50 }).items).toHaveLength(11);
    expect(events.list({ search: 'example.u', limit: 50 }).items).toHaveLength(50);
    expect(events.list({ search: 'ren', limit: 50 }).items).toHaveLength(1);
  });
});
