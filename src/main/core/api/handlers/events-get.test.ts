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

it('events.get sends a text body once with body "text", keeps base64 for binary ones, and none with body "none"', async () => {
  t = await startTestCore();
  const { url } = await t.source('shop');
  const text = JSON.stringify({ type: 'order.paid' });
  const binary = Buffer.from([0xff, 0xfe, 0x00, 0x81]);
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: binary });
  const [binaryEvent, textEvent] = (await t.call('events.list', { limit: 2 })).items;

  const textOnce = await t.call('events.get', { id: textEvent!.id, body: 'text' });
  expect(textOnce).toMatchObject({ bodyText: text, bodyBase64: '' });
  const binaryOnce = await t.call('events.get', { id: binaryEvent!.id, body: 'text' });
  expect(binaryOnce).toMatchObject({ bodyText: null, bodyBase64: binary.toString('base64') });
  const none = await t.call('events.get', { id: textEvent!.id, body: 'none' });
  expect(none).toMatchObject({ bodyText: '', bodyBase64: '', bodySize: text.length, eventType: 'order.paid' });
});
