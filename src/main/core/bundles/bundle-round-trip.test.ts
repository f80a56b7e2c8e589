import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bundle } from '../../../shared/domain/bundle';
import type { EventSummary } from '../../../shared/domain/event';
import { startTestCore, type TestCore } from '../testing/test-core';
import { testSecretFor } from '../templates/testing/template-secrets';
import { getTemplate } from '../templates/index';

const ENV = 'development';
const PASSPHRASE = 'carry the demo across';
const EVENTS_PER_SOURCE = 500;
const stripeSecret = testSecretFor(getTemplate('stripe')!);

/** Every event of a filter, following the cursor. */
async function allEvents(t: TestCore, filter: { origin?: 'import' | 'replay'; sourceId?: string }): Promise<EventSummary[]> {
  const out: EventSummary[] = [];
  let cursor: number | undefined;
  for (;;) {
    const page = await t.call('events.list', { ...filter, limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    out.push(...page.items);
    if (page.nextCursor === null) return out;
    cursor = page.nextCursor;
  }
}

/** Replays `ids` ignoring verification and waits until every replay has been mapped. */
async function replayAll(t: TestCore, ids: number[]): Promise<void> {
  const finished = new Promise<void>((resolve) => t.core.subscribe((m) => m.name === 'replay.progress' && m.payload.state === 'finished' && resolve()));
  await t.call('events.replayMany', { ids, mode: 'ignore_verification' });
  await finished;
  await vi.waitFor(async () => {
    const replays = await allEvents(t, { origin: 'replay' });
    expect(replays.length).toBe(ids.length);
    expect(replays.filter((e) => e.processing === 'pending')).toEqual([]);
  }, { timeout: 60_000, interval: 100 });
}

/** What the mappings did for each original request (by source and body): action, status and resolved parameters. */
async function runSummaries(t: TestCore): Promise<Record<string, unknown>> {
  const keys = new Map((await t.call('sources.list', {})).map((s) => [s.id, s.key]));
  const summary: Record<string, unknown> = {};
  for (const replay of await allEvents(t, { origin: 'replay' })) {
    const detail = await t.call('events.get', { id: replay.id });
    summary[`${keys.get(detail.sourceId ?? '')} ${detail.bodyText}`] = {
      eventType: detail.eventType,
      runs: detail.actionRuns.map((r) => ({ actionType: r.actionType, status: r.status, params: r.params, errors: r.errors })),
    };
  }
  return summary;
}

async function demo(t: TestCore) {
  const stripe = await t.call('sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { [ENV]: stripeSecret } });
  const orders = await t.source('orders');
  await t.call('workflows.create', { environment: ENV, key: 'demo-invoice', steps: [{ type: 'delay', seconds: 60 }] });
  await t.call('workflows.create', { environment: ENV, key: 'demo-order' });
  await t.call('mappings.create', {
    sourceId: stripe.id, eventType: 'invoice.paid', actionType: 'workflows_trigger', activeIn: [ENV],
    params: { key: '"demo-invoice"', recipients: 'body.data.object.customer', data: '{ "amount": body.data.object.amount_paid }' },
  });
  await t.call('mappings.create', { sourceId: stripe.id, eventType: 'customer.created', actionType: 'users_identify', activeIn: [ENV], params: { id: 'body.data.object.id', email: 'body.data.object.email' } });
  await t.call('mappings.create', {
    sourceId: orders.id, eventType: 'placed', actionType: 'workflows_trigger', activeIn: [ENV],
    params: { key: '"demo-order"', recipients: 'body.user', data: 'body' },
  });
  await t.call('fixtures.create', {
    name: 'Paid invoice', sourceId: stripe.id,
    request: { headers: { 'content-type': 'application/json' }, body: '{"id":"evt_{{uuid}}","type":"invoice.paid","created":{{now}},"data":{"object":{"customer":"cus_0","amount_paid":999}}}', eventType: 'invoice.paid' },
  });
  await t.call('fixtures.create', { name: 'Order', sourceId: orders.id, request: { headers: { 'content-type': 'application/json' }, body: '{"kind":"placed","user":"u_fixture"}' } });
  await t.call('destinations.create', { sourceId: stripe.id, environment: ENV, url: 'http://127.0.0.1:9/stripe-hook', enabled: false, secret: 'dest-signing-secret-1' });
  await t.call('destinations.create', { sourceId: orders.id, environment: ENV, url: 'http://127.0.0.1:9/orders-hook', enabled: false });

  const stripeItems = Array.from({ length: EVENTS_PER_SOURCE }, (_, n) => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(n % 3 === 0
      ? { id: `evt_c${n}`, type: 'customer.created', data: { object: { id: `cus_${n}`, email: `user${n}@example.com` } } }
      : { id: `evt_i${n}`, type: 'invoice.paid', data: { object: { customer: `cus_${n % 40}`, amount_paid: n * 100 } } }),
  }));
  const orderItems = Array.from({ length: EVENTS_PER_SOURCE }, (_, n) => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: n % 5 === 0 ? 'cancelled' : 'placed', user: `u_${n % 25}`, n }),
  }));
  const a = await t.call('events.import', { sourceId: stripe.id, environment: ENV, items: stripeItems });
  const b = await t.call('events.import', { sourceId: orders.id, environment: ENV, items: orderItems });
  return [...a.ids, ...b.ids];
}

let from: TestCore;
let to: TestCore;
let bundle: Bundle;
let expected: Record<string, unknown>;

beforeAll(async () => {
  from = await startTestCore();
  to = await startTestCore();
  await replayAll(from, await demo(from));
  expected = await runSummaries(from);
  ({ bundle } = await from.call('bundles.export', { events: { filter: { origin: 'import' }, max: 5000 }, passphrase: PASSPHRASE }));
}, 180_000);
afterAll(async () => {
  await from.close();
  await to.close();
});

describe('a bundle carried to an empty Inlet', () => {
  it('holds both sources, their mappings, fixtures, destinations and the 1,000 events, with secrets only sealed', () => {
    expect(bundle.sources.map((s) => [s.key, s.mappings.length])).toEqual([['stripe', 2], ['orders', 1]]);
    expect(bundle.fixtures.map((f) => f.name).sort()).toEqual(['Order', 'Paid invoice']);
    expect(bundle.destinations.map((d) => d.url).sort()).toEqual(['http://127.0.0.1:9/orders-hook', 'http://127.0.0.1:9/stripe-hook']);
    expect(bundle.events).toHaveLength(2 * EVENTS_PER_SOURCE);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain(stripeSecret);
    expect(text).not.toContain('dest-signing-secret-1');
    expect(bundle.sealed).toBeDefined();
  });

  it('refuses a wrong passphrase clearly and imports nothing', async () => {
    await expect(to.call('bundles.import', { file: bundle, passphrase: 'not the passphrase' })).rejects.toMatchObject({
      error: { code: 'invalid_input', message: expect.stringMatching(/passphrase does not open.*Nothing was imported/) },
    });
    expect(await to.call('sources.list', {})).toEqual([]);
    expect(await to.call('events.count', {})).toMatchObject({ count: 0 });
    expect(await to.call('workflows.list', { environment: ENV })).toEqual([]);
  });

  it('previews every item as created, then imports them; the same mappings produce the same action runs on replay', async () => {
    const preview = await to.call('bundles.preview', { file: bundle });
    expect(preview.secrets).toBe('sealed');
    expect(preview.items.filter((i) => i.action !== 'create').map((i) => i.ref)).toEqual(['environment:development', 'environment:production']);
    const report = await to.call('bundles.import', { file: bundle, passphrase: PASSPHRASE });
    expect(report.created.map((c) => c.key)).toEqual(['stripe', 'orders']);
    expect(report.counts).toEqual({ mappings: 3, workflows: bundle.workflows.length, fixtures: 2, destinations: 2, events: 2 * EVENTS_PER_SOURCE });
    expect(report.warnings).toEqual([]);
    await replayAll(to, report.eventIds);
    const actual = await runSummaries(to);
    expect(Object.keys(actual)).toHaveLength(2 * EVENTS_PER_SOURCE);
    expect(actual).toEqual(expected);
    expect((await to.call('destinations.list', {})).map((d) => [d.url, d.hasSecret]).sort()).toEqual([
      ['http://127.0.0.1:9/orders-hook', false], ['http://127.0.0.1:9/stripe-hook', true],
    ]);
  });

  it('sends an imported fixture signed with the secret that came sealed, verified and mapped', async () => {
    const stripe = (await to.call('sources.list', {})).find((s) => s.key === 'stripe')!;
    const fixture = (await to.call('fixtures.list', { sourceId: stripe.id })).find((f) => f.name === 'Paid invoice')!;
    const sent = await to.call('fixtures.send', { id: fixture.id, environment: ENV });
    expect(sent.event).toMatchObject({ verification: 'verified', eventType: 'invoice.paid', actionStatus: 'success' });
    const runs = (await to.call('events.get', { id: sent.event.id })).actionRuns;
    expect(runs.map((r) => r.params)).toEqual([{ key: 'demo-invoice', recipients: [{ id: 'cus_0', collection: '$users' }], data: { amount: 999 } }]);
  });
});
