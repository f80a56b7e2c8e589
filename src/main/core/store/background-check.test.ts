import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestCore } from '../testing/test-core';
import type { PushMessage } from '../../../shared/api/events';
import { checkInBackground } from './background-check';
import { healthOf } from './database-health';
import { openDatabase } from './db';
import { CHECK_AT_OPEN_MAX_BYTES, checksAtOpen, DatabaseDamagedError } from './integrity';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

/** A migrated database of `mib` MiB (mostly a padding table), its middle overwritten with noise when `damaged`. */
function databaseOf(mib: number, damaged: boolean): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-check-'));
  dirs.push(dir);
  const file = join(dir, 'inlet.db');
  const db = openDatabase(file);
  db.exec('CREATE TABLE pad (b BLOB)');
  const insert = db.prepare('INSERT INTO pad (b) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < mib; i++) insert.run(randomBytes(2 ** 20));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  if (damaged) {
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(2 ** 20), 0, 2 ** 20, Math.floor(statSync(file).size / 2));
    closeSync(fd);
  }
  return { dir, file };
}

describe('the start-up check of a large database', () => {
  const large = Math.ceil(CHECK_AT_OPEN_MAX_BYTES / 2 ** 20) + 2;

  it('is left out of opening, and finds the damage from a process of its own', async () => {
    const { file } = databaseOf(large, true);
    expect(checksAtOpen(file)).toBe(false);
    const db = openDatabase(file);
    db.close();
    // Asked to check at open, the same file is refused: the damage is real.
    expect(() => openDatabase(file, { checkIntegrity: true })).toThrow(DatabaseDamagedError);

    const outcome = await checkInBackground(file).result;
    expect(outcome).toMatchObject({ problems: expect.arrayContaining([expect.any(String)]) });
    expect(outcome && 'problems' in outcome && outcome.problems.length).toBeGreaterThan(0);
  }, 60_000);

  it('finds nothing in a sound file', async () => {
    const { file } = databaseOf(2, false);
    expect(await checkInBackground(file).result).toEqual({ problems: [] });
  });

  it("lets the core start on it and says in the host's log that it is damaged, with the ways out", async () => {
    const { dir } = databaseOf(large, true);
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const t = await startTestCore({ dir, logger, startTunnelOnLaunch: false });
    try {
      expect(await t.call('environments.list', {})).not.toEqual([]);
      await vi.waitFor(() => expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/inlet\.db is damaged .*Inlet keeps running/s)), { timeout: 30_000 });
      expect(logger.error.mock.calls.at(-1)?.[0]).toContain('--export-readable');
    } finally {
      await t.close();
    }
  }, 60_000);

  it('tells the UIs through health.get and one health.changed push that it is damaged, with the ways out', async () => {
    const { dir, file } = databaseOf(large, true);
    const t = await startTestCore({ dir, startTunnelOnLaunch: false });
    const pushed: PushMessage[] = [];
    t.core.subscribe((message) => pushed.push(message));
    try {
      expect(await t.call('health.get', {})).toEqual({ database: { state: 'checking' } });
      await vi.waitFor(async () => expect((await t.call('health.get', {})).database.state).toBe('damaged'), { timeout: 30_000 });
      const { database } = await t.call('health.get', {});
      expect(database).toMatchObject({ state: 'damaged', file, summary: expect.stringContaining('is damaged'), problems: expect.arrayContaining([expect.any(String)]) });
      expect(database.state === 'damaged' && database.waysOut).toMatch(/--export-readable <file>.*--start-fresh/s);
      expect(pushed.filter((m) => m.name === 'health.changed')).toEqual([{ name: 'health.changed', payload: { database } }]);
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('the health of a database checked at open', () => {
  it('is sound from the start, with nothing pushed', async () => {
    const t = await startTestCore({ startTunnelOnLaunch: false });
    try {
      expect(await t.call('health.get', {})).toEqual({ database: { state: 'sound' } });
    } finally {
      await t.close();
    }
  });

  it('says why when the background check could not run', () => {
    expect(healthOf('/d/inlet.db', { failed: 'unable to open database file' })).toEqual({
      state: 'unchecked',
      file: '/d/inlet.db',
      summary: 'The database /d/inlet.db could not be checked for damage: unable to open database file',
    });
  });
});
