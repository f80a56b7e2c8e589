import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { startTestApp, type TestApp } from './test-app';

const ENV = 'development';
let t: TestCore | undefined;
const apps: TestApp[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const app of apps.splice(0)) await app.stop();
});

const answering = async (status: number) => {
  const app = await startTestApp((_req, res) => void res.writeHead(status).end(String(status)));
  apps.push(app);
  return app;
};

/**
 * One source, four destinations picked by event type: an app answering 200 (delivered), 400
 * (failed: final), 503 with the next retry an hour away (pending), and a paused one (held).
 */
async function forwardedLog() {
  t = await startTestCore();
  const core = t;
  const { id: sourceId, url } = await core.source('app');
  const add = async (eventTypes: string[], target: string, extra: { retrySchedule?: number[] } = {}) =>
    core.call('destinations.create', { sourceId, environment: ENV, url: target, eventTypes, ...extra });
  await add(['ok.*'], (await answering(200)).url('/'));
  await add(['bad.*'], (await answering(400)).url('/'));
  await add(['later.*'], (await answering(503)).url('/'), { retrySchedule: [0, 3600] });
  const held = await add(['hold.*'], (await answering(200)).url('/'));
  await core.call('destinations.pause', { id: held.id });

  const ids: Record<string, number> = {};
  for (const type of ['ok.1', 'bad.1', 'later.1', 'hold.1', 'plain']) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type }) });
    ids[type] = ((await res.json()) as { event_id: number }).event_id;
  }
  // Every attempt that will happen now has been recorded.
  await expect
    .poll(async () => (await core.call('events.list', { environment: ENV, limit: 10 })).items.map((e) => [e.eventType, e.delivery]))
    .toEqual([['plain', null], ['hold.1', 'held'], ['later.1', 'pending'], ['bad.1', 'failed'], ['ok.1', 'delivered']]);
  return { core, ids };
}

describe('the log by delivery status', () => {
  it('shows each event’s delivery state and filters by it: delivered, failed, pending, held', async () => {
    const { core, ids } = await forwardedLog();
    const only = async (delivery: 'delivered' | 'failed' | 'pending' | 'held') =>
      (await core.call('events.list', { environment: ENV, delivery, limit: 10 })).items.map((e) => e.id);
    expect(await only('delivered')).toEqual([ids['ok.1']]);
    expect(await only('failed')).toEqual([ids['bad.1']]);
    expect(await only('pending')).toEqual([ids['later.1']]);
    expect(await only('held')).toEqual([ids['hold.1']]);
    expect(await core.call('events.count', { environment: ENV, delivery: 'held' })).toEqual({ count: 1, capped: false });
  });

  it('moves a held event to delivered once its destination is resumed', async () => {
    const { core, ids } = await forwardedLog();
    const [held] = await core.call('destinations.list', { environment: ENV }).then((all) => all.filter((d) => d.paused));
    await core.call('destinations.resume', { id: held!.id });
    await expect.poll(async () => (await core.call('events.list', { environment: ENV, delivery: 'delivered', limit: 10 })).items.map((e) => e.id)).toEqual([ids['hold.1'], ids['ok.1']]);
    expect((await core.call('events.list', { environment: ENV, delivery: 'held', limit: 10 })).items).toEqual([]);
  });
});
