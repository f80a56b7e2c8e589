import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdWriteLock, pendingEvent } from '../testing/locked-database';
import { openDatabase, type Db } from './db';
import { createEventsRepo } from './repos/events.repo';
import { indexInBackground, MAX_INDEXED_BYTES, openSearchReader, SEARCH_INDEX_FILE, type SearchIndex, type SearchIndexOptions } from './search-index';

const dirs: string[] = [];
const open: Array<{ index?: SearchIndex; dbs: Db[] }> = [];
afterEach(async () => {
  for (const { index, dbs } of open.splice(0)) {
    await index?.stop();
    for (const db of dbs) db.close();
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-search-index-'));
  dirs.push(dir);
  return dir;
};

/** The log in `dir` with its search connection and, unless told not to, the indexing thread. */
function logIn(dir: string, { thread = true, ...options }: { thread?: boolean } & SearchIndexOptions = {}) {
  const db = openDatabase(join(dir, 'inlet.db'));
  const reader = openSearchReader(db, join(dir, SEARCH_INDEX_FILE));
  const index = thread ? indexInBackground(reader, options) : undefined;
  open.push({ index, dbs: [reader, db] });
  const events = createEventsRepo(db, reader);
  const log = (...bodies: Array<string | Buffer>) =>
    events.insertMany(bodies.map((body) => ({ ...pendingEvent('src', {}, 'x'), body: Buffer.isBuffer(body) ? body : Buffer.from(body) })));
  /** Ids the index itself holds for a word (not joined to the log, as a search is). */
  const indexed = (word: string): number[] =>
    reader.prepare<[string], number>('SELECT rowid FROM search.events_fts WHERE events_fts MATCH ? ORDER BY rowid').pluck().all(word);
  const found = (search: string) => events.list({ search, limit: 50 }).items.map((e) => e.id);
  return { db, reader, index, events, log, indexed, found };
}

describe('the search index, in its own file and filled by its own thread', () => {
  it('finds what was logged once caught up: text bodies by their first 64 KiB, binary ones not at all', async () => {
    const { index, log, found } = logIn(newDir());
    const past = 'x'.repeat(MAX_INDEXED_BYTES - 2);
    const [plain, binary, long, cutInChar] = log(
      '{"customer":"ada@example.com","note":"renewal"}',
      Buffer.from([0xff, 0xfe, 0x72, 0x65, 0x6e, 0x65, 0x77, 0x61, 0x6c]),
      `early ${'y'.repeat(MAX_INDEXED_BYTES)} beyondthelimit`,
      // A three-byte character astride the limit: the text is cut before it, not dropped.
      `${past.slice(6)} start ${'€'} tail`,
    );
    expect(await index!.catchUp()).toBe(true);
    // The binary body holds the bytes of "renewal" too.
    expect(found('renewal')).toEqual([plain]);
    expect(binary).toBe(plain! + 1);
    expect(found('ada@example')).toEqual([plain]);
    expect(found('early')).toEqual([long]);
    expect(found('beyondthelimit')).toEqual([]);
    expect(found('start')).toEqual([cutInChar]);
    expect(found('tail')).toEqual([]);
  });

  it('keeps the writer free: ingest commits while another program holds the index file locked', async () => {
    const dir = newDir();
    const { log, index } = logIn(dir);
    const release = holdWriteLock(dir, SEARCH_INDEX_FILE);
    try {
      const started = performance.now();
      const ids = log('{"n":1}', '{"n":2}');
      // The writer's BEGIN IMMEDIATE would wait out its busy timeout (and fail) if the index were attached to it.
      expect(ids).toHaveLength(2);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(await index!.catchUp()).toBe(false);
    } finally {
      release();
    }
    expect(await index!.catchUp()).toBe(true);
  });

  it('forgets deleted events, but not those in the range still in the log', async () => {
    const { db, index, log, indexed } = logIn(newDir());
    const ids = log('needle a', 'needle b', 'needle c', 'needle d');
    expect(await index!.catchUp()).toBe(true);
    expect(indexed('needle')).toEqual(ids);
    // The pruner keeps events still waiting to be processed (ids[1] here).
    db.prepare('DELETE FROM events WHERE id IN (?, ?)').run(ids[0], ids[2]);
    index!.forget(ids[0]!, ids[2]!);
    expect(await index!.catchUp()).toBe(true);
    expect(indexed('needle')).toEqual([ids[1], ids[3]]);
  });

  it('starts over when retention emptied the log and its ids started over from 1', async () => {
    const { db, index, log, found, indexed } = logIn(newDir());
    const old = log('needle old', 'needle older', 'needle oldest');
    expect(await index!.catchUp()).toBe(true);
    db.exec('DELETE FROM events');
    index!.forget(old[0]!, old.at(-1)!);
    const [fresh] = log('needle fresh');
    expect(fresh).toBe(1);
    expect(await index!.catchUp()).toBe(true);
    expect(found('fresh')).toEqual([1]);
    expect(indexed('needle')).toEqual([1]);
  });

  it('drops at start what belongs to events deleted while the thread was not told (the app quit first)', async () => {
    const dir = newDir();
    const first = logIn(dir);
    const ids = first.log('needle a', 'needle b', 'needle c');
    expect(await first.index!.catchUp()).toBe(true);
    first.db.prepare('DELETE FROM events WHERE id < ?').run(ids[2]);
    await first.index!.stop();
    const again = logIn(dir);
    expect(await again.index!.catchUp()).toBe(true);
    expect(again.indexed('needle')).toEqual([ids[2]]);
  });

  it('starts over when the index was built from another log, or is damaged', async () => {
    const dir = newDir();
    const first = logIn(dir);
    first.log('needle old');
    expect(await first.index!.catchUp()).toBe(true);
    for (const { index, dbs } of open.splice(0)) {
      await index?.stop();
      for (const db of dbs) db.close();
    }
    // The log is started fresh (what --start-fresh does): a new log_id, ids from 1 again.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `inlet.db${suffix}`), { force: true });
    const fresh = logIn(dir, { thread: false });
    expect(fresh.indexed('needle')).toEqual([]);
    fresh.log('needle new');
    open.push({ index: indexInBackground(fresh.reader), dbs: [] });
    expect(await open.at(-1)!.index!.catchUp()).toBe(true);
    expect(fresh.found('needle')).toEqual([1]);
    expect(fresh.found('old')).toEqual([]);
    for (const { index, dbs } of open.splice(0)) {
      await index?.stop();
      for (const db of dbs) db.close();
    }

    writeFileSync(join(dir, SEARCH_INDEX_FILE), Buffer.alloc(8192, 7));
    rmSync(join(dir, `${SEARCH_INDEX_FILE}-wal`), { force: true });
    const repaired = logIn(dir);
    expect(await repaired.index!.catchUp()).toBe(true);
    expect(repaired.found('needle')).toEqual([1]);
  });

  it('leaves the log file alone: the thread only reads it', async () => {
    const dir = newDir();
    const { log, index } = logIn(dir);
    log('needle');
    expect(await index!.catchUp()).toBe(true);
    const other = new Database(join(dir, 'inlet.db'), { readonly: true });
    try {
      expect(other.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%fts%'").all()).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('answers a search at once, from what is indexed, when the thread is gone', async () => {
    const { index, log, found } = logIn(newDir());
    await index!.stop();
    log('needle');
    await expect(index!.catchUp()).resolves.toBe(false);
    expect(found('needle')).toEqual([]);
  });
});

describe('while the host loop is saturated (util/saturation.ts)', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('puts indexing off until a search waits or the index falls too far behind, and catches up once the loop is free', async () => {
    const saturation = new Int32Array(new SharedArrayBuffer(4));
    const { index, log, indexed } = logIn(newDir(), { saturation, maxBehindWhileSaturated: 5 });
    const [first] = log('{"w":"first"}');
    await vi.waitFor(() => expect(indexed('first')).toEqual([first]), { timeout: 3_000 });

    Atomics.store(saturation, 0, 1);
    const [putOff] = log('{"w":"putoff"}');
    // More than two of the thread's polls (250 ms).
    await pause(700);
    expect(indexed('putoff')).toEqual([]);
    // A search waits: the thread indexes for it at once.
    expect(await index!.catchUp()).toBe(true);
    expect(indexed('putoff')).toEqual([putOff]);

    // Five or more events behind: indexed without a search.
    const behind = log(...Array.from({ length: 6 }, () => '{"w":"behind"}'));
    await vi.waitFor(() => expect(indexed('behind')).toEqual(behind), { timeout: 3_000 });

    const [later] = log('{"w":"later"}');
    await pause(700);
    expect(indexed('later')).toEqual([]);
    Atomics.store(saturation, 0, 0);
    await vi.waitFor(() => expect(indexed('later')).toEqual([later]), { timeout: 3_000 });
  });
});
