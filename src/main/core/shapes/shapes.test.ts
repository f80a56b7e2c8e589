import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);

describe('payload shapes learned from traffic', () => {
  it('learns each event type of a source as events arrive, and exports it', async () => {
    t = await startTestCore();
    const { id, url } = await t.source('shop');
    for (let i = 0; i < 4; i++) expect(await post(url, { type: 'order.paid', order: { id: `o_${i}`, total: i * 10, ...(i < 3 ? { coupon: 'X' } : {}) } })).toBe(200);
    expect(await post(url, { type: 'order.refunded', amount: 5 })).toBe(200);

    await vi.waitFor(async () => {
      expect(await t!.call('shapes.list', { sourceId: id })).toHaveLength(2);
    });
    const shape = await t.call('shapes.get', { sourceId: id, environment: 'development', eventType: 'order.paid' });
    await vi.waitFor(async () => expect((await t!.call('shapes.get', { sourceId: id, environment: 'development', eventType: 'order.paid' }))?.eventCount).toBe(4));
    expect(shape?.fields.find((f) => f.path === 'body.order.coupon')).toMatchObject({ seen: 3 });

    const { text: schema } = await t.call('shapes.export', { sourceId: id, environment: 'development', eventType: 'order.paid', format: 'json-schema' });
    expect(JSON.parse(schema)).toMatchObject({
      type: 'object',
      required: ['order', 'type'],
      properties: { order: { type: 'object', required: ['id', 'total'], properties: { total: { type: 'number' }, coupon: { type: 'string' } } } },
    });
    const { text: ts } = await t.call('shapes.export', { sourceId: id, environment: 'development', eventType: 'order.paid', format: 'typescript' });
    expect(ts).toContain('export type OrderPaidPayload = {');
    expect(ts).toContain('coupon?: string;');
  });

  it('warns on a mapping when a field it reads stops appearing or changes type', async () => {
    t = await startTestCore();
    const { id, url } = await t.source('billing');
    const mapping = await t.call('mappings.create', {
      sourceId: id,
      eventType: 'invoice.paid',
      actionType: 'users_identify',
      params: { id: 'body.customer.id', email: 'body.customer.email' },
      activeIn: ['development'],
    });
    for (let i = 0; i < 5; i++) await post(url, { type: 'invoice.paid', customer: { id: `cus_${i}`, email: `a${i}@example.com` } });
    await vi.waitFor(async () => expect((await t!.call('shapes.get', { sourceId: id, environment: 'development', eventType: 'invoice.paid' }))?.eventCount).toBe(5));
    expect(await t.call('shapes.drift', { mappingId: mapping.id })).toEqual([]);

    for (let i = 0; i < 3; i++) await post(url, { type: 'invoice.paid', customer: { id: 100 + i, mail: `b${i}@example.com` } });
    await vi.waitFor(async () => expect((await t!.call('shapes.get', { sourceId: id, environment: 'development', eventType: 'invoice.paid' }))?.eventCount).toBe(8));
    const [found] = await t.call('shapes.drift', { mappingId: mapping.id });
    expect(found?.drift).toEqual([
      { path: 'body.customer.id', kind: 'type_changed', message: 'body.customer.id changed from string to number in the last 3 events' },
      { path: 'body.customer.email', kind: 'missing', message: 'body.customer.email has not appeared in the last 3 events (it was in 5 of the 5 before)' },
    ]);
  });
});
