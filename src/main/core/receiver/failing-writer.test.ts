import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushMessage } from '../../../shared/api/events';
import { recordingLogger } from '../testing/locked-database';
import { startTestCore, type TestCore } from '../testing/test-core';

/**
 * The receiver promises that a 2xx means the request is in the log. Here the write itself fails
 * (as a full disk or an I/O error would: SQLite aborts the insert), so every answer must be a 503
 * the sender retries — never a 2xx for a request that is not stored.
 */
let t: TestCore;
let logger: ReturnType<typeof recordingLogger>;
let pushed: PushMessage[];
let other: Database.Database;
beforeEach(async () => {
  logger = recordingLogger();
  t = await startTestCore({ logger });
  pushed = [];
  t.core.subscribe((m) => void pushed.push(m));
  other = new Database(join(t.dir, 'inlet.db'));
});
afterEach(async () => {
  other.close();
  await t.close();
});

const breakWrites = () => other.exec("CREATE TRIGGER fail_writes BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END");
const repairWrites = () => other.exec('DROP TRIGGER fail_writes');
const logged = () => (other.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

async function signupSource() {
  const { id, url } = await t.source('writer');
  await t.call('mappings.create', { sourceId: id, eventType: 'signup', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.user' } });
  return url;
}
const post = (url: string, user: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'signup', user }) });

describe('the receiver when the log cannot be written', () => {
  it('answers every request 503 with no event id, keeps nothing and processes nothing, and says why in its log', async () => {
    const url = await signupSource();
    breakWrites();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(url, `u${i}`)));
    const bodies = await Promise.all(answers.map((r) => r.json() as Promise<Record<string, unknown>>));

    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(503));
    expect(bodies).toEqual(Array(20).fill({ ok: false, error: 'Inlet could not store this request; retry later' }));
    expect(logged()).toBe(0);
    expect(pushed.filter((m) => m.name === 'events.received' || m.name === 'events.processed')).toEqual([]);
    expect((await t.call('workspace.users', { environment: 'development' })).total).toBe(0);
    expect(logger.lines.join('\n')).toContain('could not write a received request to the log');
    expect(logger.lines.join('\n')).toContain('disk I/O error (simulated)');
  });

  it('keeps serving: once writes work again a retried request is acknowledged, stored and processed', async () => {
    const url = await signupSource();
    breakWrites();
    expect((await post(url, 'ada')).status).toBe(503);
    repairWrites();
    const retried = await post(url, 'ada');
    expect(retried.status).toBe(200);
    const { event_id: id } = (await retried.json()) as { event_id: number };
    await expect.poll(async () => (await t.call('events.get', { id })).processing, { timeout: 5_000 }).toBe('done');
    expect(logged()).toBe(1);
    expect((await t.call('workspace.users', { environment: 'development' })).items.map((u) => u.id)).toEqual(['ada']);
  });
});
