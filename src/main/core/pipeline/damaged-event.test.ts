import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/db';
import { createEventsRepo, type NewEvent } from '../store/repos/events.repo';
import { recordingLogger } from '../testing/locked-database';
import { startTestCore, type TestCore } from '../testing/test-core';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const pending = (eventType: string): NewEvent => ({
  receivedAt: 1_000, sourceId: 'src_gone', environment: 'development', method: 'POST', path: '/in/t', query: '',
  headers: [['content-type', 'application/json']], contentType: 'application/json', body: Buffer.from('{}'),
  parseError: null, eventType, idempotencyKey: null, verification: { status: 'unverified', scheme: 'none' },
  responseStatus: 200, error: null, remoteAddress: null, processing: 'pending', actionStatus: null,
  replayOf: null, replayMode: null, origin: 'received', dedupe: true, preprocessOutput: null,
});

describe('a damaged pending event', () => {
  it('is marked failed with the reason logged, and the events after it are still processed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inlet-damaged-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    // Left pending by an earlier run, one of them with a headers column this version cannot read.
    const db = openDatabase(join(dir, 'inlet.db'));
    const [damaged, intact] = createEventsRepo(db).insertMany([pending('first'), pending('second')]);
    db.prepare('UPDATE events SET headers = ? WHERE id = ?').run('{"not":"pairs"}', damaged);
    db.close();

    const logger = recordingLogger();
    const t: TestCore = await startTestCore({ dir, logger });
    cleanup.push(() => t.close());
    const outcome = async (id: number) => (await t.call('events.list', {})).items.find((e) => e.id === id);
    await expect.poll(() => outcome(intact!)).toMatchObject({ processing: 'done', actionStatus: 'no_mapping' });
    expect(await outcome(damaged!)).toMatchObject({ processing: 'done', actionStatus: 'error' });
    expect(logger.lines.join('\n')).toContain(`Event ${damaged} cannot be read: its stored headers column`);
  });
});
