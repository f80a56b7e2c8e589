import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushMessage } from '../../../shared/api/events';
import { ApiCallError } from '../../../shared/api/result';
import { startTestCore } from '../testing/test-core';
import { openDatabase } from './db';
import { createEventsRepo, type NewEvent } from './repos/events.repo';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

const event = (i: number): NewEvent => ({
  receivedAt: 1_000 + i, sourceId: null, environment: 'development', method: 'POST', path: '/in/t', query: '',
  headers: [], contentType: 'application/json', body: Buffer.from(JSON.stringify({ i, pad: 'x'.repeat(1_500) })), parseError: null,
  eventType: 'a', idempotencyKey: null, verification: { status: 'unverified', scheme: 'none' }, responseStatus: 200, error: null,
  remoteAddress: null, processing: 'none', actionStatus: null, replayOf: null, replayMode: null, origin: 'received',
  dedupe: true, preprocessOutput: null,
});

/** A sound ~24 MiB log (larger than the page cache), all of it in the database file, indexed for search. */
function logOf(events: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-damage-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'inlet.db'));
  const repo = createEventsRepo(db);
  for (let i = 0; i < events; i += 1_000) repo.insertMany(Array.from({ length: 1_000 }, (_, k) => event(i + k)));
  // Nothing for the background jobs to read at start: the damage is met by the reads below.
  db.prepare("INSERT INTO meta (key, value) VALUES ('fts_indexed_upto', ?)").run(String(events));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return dir;
}

describe('a damaged page met while the core runs', () => {
  it('answers the way out, and tells the UIs through health.get and one health.changed push', async () => {
    const dir = logOf(14_000);
    const t = await startTestCore({ dir, startTunnelOnLaunch: false });
    const pushed: PushMessage[] = [];
    t.core.subscribe((message) => pushed.push(message));
    try {
      expect((await t.call('health.get', {})).database.state).toBe('sound');
      // Noise over a quarter, a half and three quarters into the file, after the check at open.
      const file = join(dir, 'inlet.db');
      const fd = openSync(file, 'r+');
      for (const at of [0.25, 0.5, 0.75]) writeSync(fd, randomBytes(2 ** 20), 0, 2 ** 20, Math.floor((statSync(file).size * at) / 4096) * 4096);
      closeSync(fd);

      let failure: ApiCallError | null = null;
      let cursor: number | undefined;
      for (let page = 0; page < 200 && failure === null; page++) {
        try {
          const listed = await t.call('events.list', { limit: 500, ...(cursor === undefined ? {} : { cursor }) });
          if (listed.nextCursor === null) break;
          cursor = listed.nextCursor;
        } catch (error) {
          if (!(error instanceof ApiCallError)) throw error;
          failure = error;
        }
      }
      expect(failure?.message).toMatch(/is damaged, so this could not be read or written\..*--export-readable/s);

      const { database } = await t.call('health.get', {});
      expect(database).toMatchObject({ state: 'damaged', file, problems: [expect.stringMatching(/malformed|not a database|corrupt/i)] });
      expect(database.state === 'damaged' && database.waysOut).toMatch(/--export-readable <file>.*--start-fresh/s);
      // Met again, it is not pushed again.
      await t.call('events.list', { limit: 500, ...(cursor === undefined ? {} : { cursor }) }).catch(() => undefined);
      expect(pushed.filter((m) => m.name === 'health.changed')).toEqual([{ name: 'health.changed', payload: { database } }]);
    } finally {
      await t.close();
    }
  }, 60_000);
});
