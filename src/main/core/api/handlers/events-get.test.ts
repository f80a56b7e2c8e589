import { afterEach, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../testing/test-core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

it('events.get leaves the parsed body out when asked, so the log detail does not carry a large body twice', async () => {
  t = await startTestCore();
  const { url } = await t.source('shop');
  const body = JSON.stringify({ type: 'order.paid', items: [{ sku: 'a' }] });
  expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200);
  const [event] = (await t.call('events.list', { limit: 1 })).items;
  const full = await t.call('events.get', { id: event!.id });
  const lean = await t.call('events.get', { id: event!.id, parsed: false });
  expect(full.parsedBody).toEqual(JSON.parse(body));
  expect(lean.parsedBody).toBeNull();
  expect(lean.bodyText).toBe(body);
  expect({ ...lean, parsedBody: full.parsedBody }).toEqual(full);
});
