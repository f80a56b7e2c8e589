import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../deliveries/test-app';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
let app: TestApp | undefined;
afterEach(async () => {
  await t.close();
  await app?.stop();
  app = undefined;
});

describe('failure notifications', () => {
  it('notifies a verification failure once per burst, counting the rest, and stays quiet when turned off', async () => {
    const notices: Array<[string, string]> = [];
    let now = 1_000_000;
    t = await startTestCore({ clock: { now: () => now }, notifier: { notify: (title, body) => notices.push([title, body]) } });
    const { id, url } = await t.source('locked');
    await t.call('sources.update', { id, settings: { development: { verification: { scheme: 'shared_secret', header: 'x-key' } } } });
    await t.call('sources.addSecret', { id, environment: 'development', secret: 'right-secret-value' });
    const bad = () => fetch(url, { method: 'POST', headers: { 'x-key': 'wrong' }, body: '{"type":"t"}' });

    await bad();
    await bad();
    await bad();
    expect(notices).toEqual([['Verification failed', 'locked: t did not verify.']]);
    now += 11_000;
    await bad();
    expect(notices[1]?.[1]).toMatch(/\(\+2 more since the last notice\)/);

    await t.call('settings.update', { notifications: { enabled: false } });
    now += 11_000;
    await bad();
    expect(notices).toHaveLength(2);
  });

  it('notifies once when a destination starts failing, and once when its app goes down and events are held', async () => {
    const notices: Array<[string, string]> = [];
    let now = 1_000_000;
    t = await startTestCore({ clock: { now: () => now }, notifier: { notify: (title, body) => notices.push([title, body]) } });
    app = await startTestApp((_req, res) => void res.writeHead(500).end('boom'));
    const { id, url } = await t.source('app');
    await t.call('destinations.create', { sourceId: id, environment: 'development', url: app.url('/hooks'), name: 'my app', retrySchedule: [0, 3600] });
    const send = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"t"}' });

    await send();
    await send();
    await vi.waitFor(() => expect(notices).toEqual([['Forwarding failed', 'my app: the app answered 500.']]));
    await t.call('destinations.delete', { id: (await t.call('destinations.list', {}))[0]!.id });

    now += 11_000;
    const port = app.port;
    await app.stop();
    await t.call('destinations.create', { sourceId: id, environment: 'development', url: `http://127.0.0.1:${port}/hooks`, name: 'restarting app' });
    await send();
    await vi.waitFor(() => expect(notices[1]?.[1]).toMatch(/^restarting app: .*; events are held until it answers\.$/));
  });
});
