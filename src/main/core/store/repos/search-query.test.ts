import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db';
import { indexInBackground, openSearchReader, SEARCH_INDEX_FILE, type SearchIndex } from '../search-index';
import { createEventsRepo, type NewEvent } from './events.repo';
import { createSearchQuery, tokensOf, type PrefixMatch } from './search-query';

const dirs: string[] = [];
const dbs: Db[] = [];
const indexes: SearchIndex[] = [];
afterEach(async () => {
  for (const index of indexes.splice(0)) await index.stop();
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const event = (body: string): NewEvent => ({
  receivedAt: 1_000, sourceId: 'src', environment: 'development', method: 'POST', path: '/in/t', query: '',
  headers: [], contentType: 'application/json', body: Buffer.from(body), parseError: null, eventType: 'a',
  idempotencyKey: null, verification: { status: 'unverified', scheme: 'none' }, responseStatus: 200, error: null,
  remoteAddress: null, processing: 'none', actionStatus: null, replayOf: null, replayMode: null, origin: 'received',
  dedupe: true, preprocessOutput: null,
});

/** A log of these bodies, indexed for search (ids 1…n in order); `db` is the connection searches run on. */
async function logOf(bodies: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-search-query-'));
  dirs.push(dir);
  const log = openDatabase(join(dir, 'inlet.db'));
  const db = openSearchReader(log, join(dir, SEARCH_INDEX_FILE));
  dbs.push(db, log);
  const events = createEventsRepo(log, db);
  for (let i = 0; i < bodies.length; i += 2000) events.insertMany(bodies.slice(i, i + 2000).map(event));
  const index = indexInBackground(db);
  indexes.push(index);
  while (!(await index.catchUp()));
  const matching = db.prepare<[string], { id: number }>('SELECT rowid AS id FROM search.events_fts WHERE events_fts MATCH ? ORDER BY rowid');
  return { db, events, ids: (match: string) => matching.all(match).map((r) => r.id) };
}

/**
 * What a full scan of the bodies finds: every word's tokens in a row, the last word's last token as
 * a prefix; a word without tokens ("@") matches nothing, as in FTS5.
 */
function scan(bodies: readonly string[], search: string): number[] {
  const words = search.split(/\s+/).filter(Boolean).map(tokensOf);
  const has = (tokens: string[], word: string[], prefix: boolean) =>
    word.length > 0 &&
    tokens.some((_, at) => word.every((w, k) => (prefix && k === word.length - 1 ? tokens[at + k]?.startsWith(w) : tokens[at + k] === w)));
  return bodies.flatMap((body, i) => {
    const tokens = tokensOf(body);
    return words.every((word, k) => has(tokens, word, k === words.length - 1)) ? [i + 1] : [];
  });
}

/** A seeded corpus shaped like webhooks: ids, emails, words; a few rare words and accents. */
function corpus(n: number): string[] {
  let seed = 42;
  const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const words = ['invoice', 'renewal', 'renew', 'refund', 'europe', 'eu', 'euro', 'trial', 'Café', 'example'];
  const names = ['ada', 'adam', 'grace', 'alan', 'user'];
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `evt_${Math.floor(next() * 36 ** 6).toString(36)}`,
      email: `${pick(names)}${i % 97}@${pick(['example.com', 'example.org', 'exa.io'])}`,
      customer: `cus_${(i * 7919).toString(36)}`,
      description: `${pick(words)} ${pick(words)} note ${i}`,
    }),
  );
}

/** Every prefix of `text`, as typed key by key. */
const typed = (text: string): string[] => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));

describe('the search query', () => {
  it('folds tokens as the index does', () => {
    expect(tokensOf('User42@Exámple.COM')).toEqual(['user42', 'example', 'com']);
  });

  it('matches finished words whole and the word being typed as a prefix, quoting what FTS would read as syntax', async () => {
    const { db } = await logOf([]);
    const query = createSearchQuery(db);
    expect(query('invoice pay').match).toBe('"invoice" AND "pay"*');
    expect(query('a"b NEAR').match).toBe('"a""b" AND "NEAR"*');
  });

  it('finds by prefix exactly the events a full scan of the bodies finds, key by key, whichever way the prefix is matched', async () => {
    const bodies = corpus(1500);
    const { db, ids } = await logOf(bodies);
    // Small limits, so this corpus has prefixes matched each way.
    const query = createSearchQuery(db, { maxTerms: 4, maxOccurrences: 300 });
    const searches = ['ada@exa', '@exa', 'adam12@example.org', 'renewal', 'eu', 'invoice ren', 'cus_1a', 'evt_', 'note 14', 'café', 'user5@exa.io'];
    const used = new Map<PrefixMatch, number>();
    for (const search of searches.flatMap(typed)) {
      const plan = query(search);
      used.set(plan.prefix, (used.get(plan.prefix) ?? 0) + 1);
      const found = ids(plan.match);
      const expected = scan(bodies, search);
      if (plan.prefix === 'terms' || plan.prefix === 'fts') expect(found, `${search} → ${plan.match}`).toEqual(expected);
      // Too broad to expand: the word's other tokens alone find more, a whole word fewer.
      else if (plan.prefix === 'dropped') expect(found, search).toEqual(expect.arrayContaining(expected));
      else expect(expected, search).toEqual(expect.arrayContaining(found));
    }
    expect([...used.keys()].sort()).toEqual(['dropped', 'fts', 'terms', 'whole']);
    expect(used.get('terms')).toBeGreaterThan(used.get('dropped')! + used.get('whole')!);
  });

  it('finds by a prefix of one or two characters and by the last letters of an email, as a full scan does', async () => {
    const bodies = ['note europe', 'note eu', 'note euro', '{"email":"user42@example.com"}', '{"email":"user42@example.org"}', 'user42 cat'];
    const { events } = await logOf(bodies);
    const ids = (search: string) => events.list({ search, limit: 50 }).items.map((e) => e.id).sort();
    expect(ids('eu')).toEqual(scan(bodies, 'eu'));
    expect(ids('eu')).toEqual([1, 2, 3]);
    expect(ids('user42@example.c')).toEqual([4]);
    expect(ids('user42@example.o')).toEqual([5]);
  });

  it('matches a prefix covering thousands of rarely used terms as a prefix', async () => {
    const bodies = Array.from({ length: 8_000 }, (_, i) => JSON.stringify({ email: `user${i}@example.com`, note: i === 7 ? 'Ada renewal' : 'x' }));
    const { events, db } = await logOf(bodies);
    expect(createSearchQuery(db)('user').prefix).toBe('fts');
    expect(events.countMatching({ search: 'user' }, 10_000).count).toBe(8_000);
    expect(events.list({ search: 'user100', limit: 50 }).items).toHaveLength(11);
    expect(events.list({ search: 'example.u', limit: 50 }).items.map((e) => e.id)).toEqual(scan(bodies, 'example.u').reverse().slice(0, 50));
    expect(events.list({ search: 'ren', limit: 50 }).items.map((e) => e.id)).toEqual([8]);
  });
});
