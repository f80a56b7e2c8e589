import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

/** Posts to a fresh source whose trigger mapping starts "welcome" for `body.to`; the event's first action run once it ran. */
async function triggerFor(to: unknown) {
  const { id, url } = await t.source('app');
  await t.call('workflows.create', { environment: 'development', key: 'welcome' });
  await t.call('mappings.create', {
    sourceId: id, eventType: 'signup', actionType: 'workflows_trigger', activeIn: ['development'],
    params: { key: '"welcome"', recipients: 'body.to', data: 'body' },
  });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'signup', to }) });
  const { event_id: eventId } = (await res.json()) as { event_id: number };
  await expect.poll(async () => (await t.call('events.get', { id: eventId })).actionRuns.length, { timeout: 5000 }).toBe(1);
  return (await t.call('events.get', { id: eventId })).actionRuns[0];
}

describe('a trigger that starts no run', () => {
  it('says the one recipient is not identified', async () => {
    expect(await triggerFor('u_nobody')).toMatchObject({
      status: 'skipped',
      result: expect.objectContaining({ not_identified: ['u_nobody'], reason: 'No run started: the recipient is not identified' }),
    });
  });

  it('says none of several recipients is identified', async () => {
    expect(await triggerFor(['u_a', 'u_b'])).toMatchObject({
      status: 'skipped',
      result: expect.objectContaining({ not_identified: ['u_a', 'u_b'], reason: 'No run started: none of the 2 recipients is identified' }),
    });
  });
});
