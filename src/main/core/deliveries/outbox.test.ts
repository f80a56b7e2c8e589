import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import { createCoreContext } from '../core-context';
import { defaultSettings } from '../sources/source-defaults';
import type { NewEvent } from '../store/repos/events.repo';
import { memorySecretStore } from '../testing/test-core';
import { createForwarding, type Forwarding } from '.';
import { startTestApp, type TestApp } from './test-app';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

function context(): CoreContext {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-outbox-'));
  const ctx = createCoreContext({ dataDir: dir, secretStore: memorySecretStore() }, { emit: () => {}, receiverUrl: () => '' });
  cleanup.push(() => {
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  ctx.sources.insert({ id: 'src_1', key: 'app', name: 'app', templateId: 'custom', templateVersion: '1', createdAt: 0 });
  for (const env of ctx.environments.list()) ctx.sources.insertSettings({ ...defaultSettings(env.key), sourceId: 'src_1' });
  return ctx;
}

const event = (i: number): NewEvent => ({
  receivedAt: Date.now(), sourceId: 'src_1', environment: 'development', method: 'POST', path: '/in/x', query: '', headers: [['content-type', 'application/json']],
  contentType: 'application/json', body: Buffer.from(JSON.stringify({ n: i })), parseError: null, eventType: 'invoice.paid', idempotencyKey: null,
  verification: { status: 'verified', scheme: 'hmac', matchedSecretId: 'sec_1' }, responseStatus: 200, error: null,
  remoteAddress: null, processing: 'done', actionStatus: 'no_mapping', replayOf: null, replayMode: null, origin: 'received', dedupe: true, preprocessOutput: null,
});

function destination(fw: Forwarding, url: string, ordered: boolean) {
  fw.service.destinationsRepo.save({
    id: 'dst_1', sourceId: 'src_1', environment: 'development', name: 'app', url, eventTypes: [], enabled: true, timeoutMs: 5_000,
    signing: 'as_received', secret: null, ordered, concurrency: 4, retrySchedule: [0, 1], paused: false, autoHeldAt: null, createdAt: 0,
  });
  fw.service.reload();
}

const count = (ctx: CoreContext, table: string) => (ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('deliveries written during a burst', () => {
  it('wait in the outbox, are listed and counted as pending meanwhile, and all reach the app in order once the burst is over', async () => {
    const ctx = context();
    const app: TestApp = await startTestApp();
    cleanup.push(() => app.stop());
    const fw = createForwarding(ctx);
    cleanup.push(() => fw.service.stop());
    destination(fw, app.url(), true);
    fw.service.start();

    // 200 events in batches of 50: a burst from the first batch on.
    const ids: number[] = [];
    for (let b = 0; b < 4; b++) ids.push(...fw.write(Array.from({ length: 50 }, (_, i) => event(b * 50 + i))));
    expect(count(ctx, 'delivery_outbox')).toBeGreaterThan(0);
    expect(count(ctx, 'deliveries')).toBeLessThan(200);
    const [counts] = fw.service.repo.counts().values();
    expect(counts).toMatchObject({ pending: 200 });
    // The log says so too, before anything is queued: the newest event's column and the filter.
    expect(ctx.events.list({ environment: 'development', limit: 1 }).items[0]).toMatchObject({ id: ids[199], delivery: 'pending' });
    expect(ctx.events.list({ environment: 'development', delivery: 'pending', limit: 1 }).items.map((e) => e.id)).toEqual([ids[199]]);
    // Listing an event's deliveries queues what waits before it.
    expect(fw.service.repo.forEvent(ids[120]!)).toMatchObject([{ event_id: ids[120], status: 'pending' }]);

    fw.service.kick();
    await expect.poll(() => app.received.length, { timeout: 15_000 }).toBe(200);
    expect(app.received.map((r) => Number(r.headers['x-inlet-event-id']))).toEqual(ids);
    expect(count(ctx, 'delivery_outbox')).toBe(0);
  }, 30_000);

  it('drops outbox rows whose event was deleted before they were queued', () => {
    const ctx = context();
    const fw = createForwarding(ctx);
    cleanup.push(() => fw.service.stop());
    destination(fw, 'http://127.0.0.1:9/', false);
    const ids = fw.write(Array.from({ length: 60 }, (_, i) => event(i)));
    expect(count(ctx, 'delivery_outbox')).toBe(60);
    ctx.db.prepare('DELETE FROM events WHERE id = ?').run(ids[0]);
    expect(fw.service.repo.forEvent(ids[59]!)).toHaveLength(1);
    expect(count(ctx, 'deliveries')).toBe(59);
    expect(count(ctx, 'delivery_outbox')).toBe(0);
  });
});
