import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
afterEach(() => t.close());

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
});
