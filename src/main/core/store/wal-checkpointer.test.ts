import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from './db';
import { checkpointInBackground, writerBusy, writerCopiesRest, type WalCheckpointer } from './wal-checkpointer';

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function openTemp(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-wal-'));
  const db = openDatabase(join(dir, 'inlet.db'), { checkIntegrity: false });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => void db.close());
  db.exec('CREATE TABLE pad (b BLOB)');
  return db;
}

/** Pages written to the WAL and pages copied from it, read from the wal-index (sqlite.org/walformat.html). */
function walState(db: Db): { frames: number; copied: number } {
  const header = Buffer.alloc(100);
  const fd = openSync(`${db.name}-shm`, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const u32 = (offset: number) => (endianness() === 'LE' ? header.readUInt32LE(offset) : header.readUInt32BE(offset));
  return { frames: u32(16), copied: u32(96) };
}

/** ~1,200 pages in one WAL: fewer than the writer's autocheckpoint (20,000) ever copies by itself. */
function writePages(db: Db): void {
  const insert = db.prepare('INSERT INTO pad (b) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 1_200; i++) insert.run(Buffer.alloc(4_000, i % 251));
  })();
}

function start(db: Db): WalCheckpointer {
  const errors: string[] = [];
  const checkpointer = checkpointInBackground(db, { everyMs: 10, onError: (message) => errors.push(message) });
  cleanups.push(async () => {
    await checkpointer.stop();
    expect(errors).toEqual([]);
  });
  return checkpointer;
}

describe('WAL checkpoints on a thread of their own', () => {
  it('copies the WAL into the database without the writer running a checkpoint, and the WAL starts over', async () => {
    const db = openTemp();
    writePages(db);
    expect(walState(db).copied).toBe(0);
    start(db);
    await vi.waitFor(() => {
      const wal = walState(db);
      expect(wal.frames).toBeGreaterThan(1_000);
      expect(wal.copied).toBe(wal.frames);
    }, { timeout: 10_000, interval: 20 });
    // Every frame copied: the next write starts the WAL from its beginning instead of growing it.
    db.prepare('INSERT INTO pad (b) VALUES (?)').run(Buffer.from('after'));
    expect(walState(db).frames).toBeLessThan(10);
    expect(db.prepare('SELECT COUNT(*) AS n FROM pad').get()).toEqual({ n: 1_201 });
  });

  it('ends its thread when stopped, and the database then closes and reopens with every row', async () => {
    const db = openTemp();
    const checkpointer = start(db);
    writePages(db);
    await checkpointer.stop();
    const file = db.name;
    db.close();
    const again = openDatabase(file, { checkIntegrity: false });
    cleanups.push(() => void again.close());
    expect(again.prepare('SELECT COUNT(*) AS n FROM pad').get()).toEqual({ n: 1_200 });
  });

  it("raises the writer's own autocheckpoint to a fallback while it runs, and gives it and the WAL's size limit back when stopped", async () => {
    const db = openTemp();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(20_000);
    const checkpointer = start(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(262_144);
    // No commit shrinks the WAL while the thread runs: the writer does it itself when quiet.
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(-1);
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(20_000);
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
  });
});

describe('a WAL left long by a burst', () => {
  it('starts over and shrinks once the writer is quiet, by a write of its own, not in the next request', async () => {
    const db = openTemp();
    let busy = true;
    const errors: string[] = [];
    const checkpointer = checkpointInBackground(db, { everyMs: 10, busy: () => busy, onError: (message) => errors.push(message) });
    cleanups.push(() => checkpointer.stop());
    // 17,000 pages: more than the 64 MiB the file shrinks back to.
    const insert = db.prepare('INSERT INTO pad (b) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 17_000; i++) insert.run(Buffer.alloc(4_000, i % 251));
    })();
    const limit = 64 * 1024 * 1024;
    expect(statSync(`${db.name}-wal`).size).toBeGreaterThan(limit);
    await vi.waitFor(() => expect(walState(db).copied).toBe(walState(db).frames), { timeout: 20_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(statSync(`${db.name}-wal`).size).toBeGreaterThan(limit);

    busy = false;
    await vi.waitFor(() => expect(statSync(`${db.name}-wal`).size).toBeLessThanOrEqual(limit), { timeout: 10_000, interval: 20 });
    expect(walState(db).frames).toBeLessThan(10);
    expect(db.prepare("SELECT COUNT(*) AS n FROM meta WHERE key = 'wal_started_over_at'").get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM pad').get()).toEqual({ n: 17_000 });
    expect(errors).toEqual([]);
  });
});

describe('while the host loop is saturated', () => {
  it('copies nothing until the WAL is long or the loop is free again', async () => {
    const db = openTemp();
    const saturation = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(saturation, 0, 1);
    const errors: string[] = [];
    // A busy writer, so that only the thread's passes decide what is copied.
    const checkpointer = checkpointInBackground(db, {
      everyMs: 10,
      busy: () => true,
      saturation,
      copyWhileSaturatedPastBytes: 8 * 1024 * 1024,
      onError: (m) => errors.push(m),
    });
    cleanups.push(() => checkpointer.stop());
    const allCopied = () => vi.waitFor(() => expect(walState(db).copied).toBe(walState(db).frames), { timeout: 10_000, interval: 20 });
    // ~1,200 pages: a WAL of ~4.9 MB.
    writePages(db);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(walState(db).copied).toBe(0);
    Atomics.store(saturation, 0, 0);
    await allCopied();

    Atomics.store(saturation, 0, 1);
    // Every frame was copied: this write starts the WAL over, in the same 4.9 MB of file.
    writePages(db);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(walState(db).frames).toBeGreaterThan(1_000);
    expect(walState(db).copied).toBe(0);
    // Past 8 MiB: copied while still saturated.
    writePages(db);
    await allCopied();
    expect(walState(db).frames).toBeGreaterThan(2_000);
    expect(errors).toEqual([]);
  });

  it('copies as usual while the flag is clear', async () => {
    const db = openTemp();
    const saturation = new Int32Array(new SharedArrayBuffer(4));
    const checkpointer = checkpointInBackground(db, { everyMs: 10, saturation, copyWhileSaturatedPastBytes: 1024 * 1024 * 1024 });
    cleanups.push(() => checkpointer.stop());
    writePages(db);
    await vi.waitFor(() => expect(walState(db).copied).toBe(walState(db).frames), { timeout: 10_000, interval: 20 });
  });
});

describe('when the writer copies the rest of a pass (each copy costs it two fsyncs)', () => {
  const quiet = () => false;
  const busy = () => true;
  it('after a quick pass over a WAL of 4,000 frames or more, when the writer is quiet', () => {
    expect(writerCopiesRest({ frames: 4_000, ms: 5 }, quiet)).toBe('quiet');
    expect(writerCopiesRest({ frames: 3_999, ms: 5 }, quiet)).toBe('no');
    expect(writerCopiesRest({ frames: 10_000, ms: 21 }, quiet)).toBe('no');
    expect(writerCopiesRest({ frames: 10_000 }, quiet)).toBe('no');
  });
  it('while the writer is busy, only once the WAL holds 131,072 frames (512 MiB)', () => {
    expect(writerCopiesRest({ frames: 131_071, ms: 5 }, busy)).toBe('no');
    expect(writerCopiesRest({ frames: 131_072, ms: 5 }, busy)).toBe('busy');
    expect(writerCopiesRest({ frames: 140_000, ms: 30 }, busy)).toBe('no');
  });
  it('once the writer is quiet after a busy restart left the file long, at the next quick pass however short the WAL', () => {
    expect(writerCopiesRest({ frames: 12, ms: 5 }, quiet, true)).toBe('quiet');
    expect(writerCopiesRest({ frames: 12, ms: 5 }, busy, true)).toBe('no');
    expect(writerCopiesRest({ frames: 12, ms: 5 }, quiet, false)).toBe('no');
  });
});

describe('when the writer counts as busy', () => {
  it('for a moment after it committed received requests, even with its event loop mostly idle', () => {
    // Taking a steady 4,000 requests a second uses about a third of the loop; a restart's fsyncs
    // there held every request in flight 20–40 ms, every few seconds.
    expect(writerBusy(100, () => false)).toBe(true);
    expect(writerBusy(300, () => false)).toBe(false);
  });

  it('while its event loop is more than half busy (a backlog being processed), however long since a request', () => {
    expect(writerBusy(60_000, () => true)).toBe(true);
  });
});
