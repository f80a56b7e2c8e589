import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushMessage } from '../../../shared/api/events';
import { startTestCore, type TestCore } from '../testing/test-core';
import { manualTime, startTestApp, type TestApp } from './test-app';

const WHSEC = 'whsec_forwarding_test_secret_0123456789';
const ENV = 'development';
const stripe = new Stripe('sk_test_dummy');

let t: TestCore | undefined;
const apps: TestApp[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const app of apps.splice(0)) await app.stop();
});

async function app(...args: Parameters<typeof startTestApp>) {
  const started = await startTestApp(...args);
  apps.push(started);
  return started;
}

/** The developer's app: verifies with the Stripe SDK and answers 200, or 400 with the SDK's reason. */
const verifyingStripe = (secret = WHSEC) =>
  app((req, res) => {
    try {
      const event = stripe.webhooks.constructEvent(req.body, String(req.headers['stripe-signature']), secret);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received: event.id }));
    } catch (error) {
      res.writeHead(400).end((error as Error).message);
    }
  });

async function stripeSource(core: TestCore) {
  const source = await core.call('sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { [ENV]: WHSEC } });
  const token = source.settings.find((s) => s.environment === ENV)!.endpointToken;
  return { id: source.id, url: `${core.core.receiverUrl}/in/${token}` };
}

let n = 0;
/** Posts a Stripe event signed at `at` (ms) to `url`; returns the event id Inlet logged. */
async function sendStripe(url: string, at = Date.now(), extra: Record<string, string> = {}) {
  n += 1;
  // Pretty-printed on purpose: a relay that re-serialised JSON would break the signature.
  const payload = JSON.stringify({ id: `evt_${n}`, object: 'event', type: 'invoice.paid', created: Math.floor(at / 1000), data: { object: { id: `in_${n}` } } }, null, 2);
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: WHSEC, timestamp: Math.floor(at / 1000) });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header, ...extra }, body: payload });
  const answer = (await res.json()) as { event_id: number };
  expect(res.status).toBe(200);
  return { eventId: answer.event_id, payload };
}

const deliveriesOf = async (eventId: number) => t!.call('deliveries.list', { eventId });

describe('forwarding to a destination (a real app on loopback)', () => {
  it('delivers the received bytes unchanged, so the Stripe SDK verifies them; query string and headers arrive', async () => {
    t = await startTestCore();
    const target = await verifyingStripe();
    const source = await stripeSource(t);
    await t.call('destinations.create', { sourceId: source.id, environment: ENV, url: target.url('/webhooks?app=1') });

    const { eventId, payload } = await sendStripe(`${source.url}?from=stripe&x=1`, Date.now(), { 'x-custom': 'kept' });
    await expect.poll(async () => (await deliveriesOf(eventId))[0]?.status, { timeout: 10_000 }).toBe('delivered');

    const got = target.received[0]!;
    expect(got.body.toString('utf8')).toBe(payload);
    expect(got.url).toBe('/webhooks?app=1&from=stripe&x=1');
    expect(got.headers).toMatchObject({
      'x-custom': 'kept',
      host: `127.0.0.1:${target.port}`,
      'x-forwarded-host': new URL(source.url).host,
      'x-inlet-event-id': String(eventId),
      'x-inlet-attempt': '1',
    });
    const [delivery] = await deliveriesOf(eventId);
    expect(delivery!.attemptLog[0]).toMatchObject({ n: 1, response: { status: 200 }, error: null });
    expect(delivery!.attemptLog[0]!.response!.body).toContain(`evt_${n}`);
  });

  it('re-signs a stale event so it verifies at the app, where the received signature no longer does', async () => {
    const time = manualTime(Date.now() - 3_600_000); // received an hour ago, as a held event released late
    t = await startTestCore({ clock: time.clock });
    const target = await verifyingStripe();
    const source = await stripeSource(t);
    const asReceived = await t.call('destinations.create', { sourceId: source.id, environment: ENV, url: target.url('/as-received') });
    const resigned = await t.call('destinations.create', { sourceId: source.id, environment: ENV, url: target.url('/resigned'), signing: 'resign' });
    await t.call('destinations.pause', { id: asReceived.id });
    await t.call('destinations.pause', { id: resigned.id });
    const { eventId } = await sendStripe(source.url, time.clock.now());

    time.set(Date.now());
    await t.call('destinations.resume', { id: asReceived.id });
    await t.call('destinations.resume', { id: resigned.id });
    await expect.poll(async () => (await deliveriesOf(eventId)).map((d) => d.status).sort(), { timeout: 10_000 }).toEqual(['delivered', 'failed']);
    const byDest = new Map((await deliveriesOf(eventId)).map((d) => [d.destinationId, d]));
    expect(byDest.get(resigned.id)).toMatchObject({ status: 'delivered', lastStatus: 200 });
    // The app's 400 is final: the same stale bytes would never verify.
    expect(byDest.get(asReceived.id)).toMatchObject({ status: 'failed', lastStatus: 400, attempts: 1 });
    expect(byDest.get(asReceived.id)!.attemptLog[0]!.response!.body).toMatch(/tolerance/i);
    expect(byDest.get(resigned.id)!.attemptLog[0]!.request.body).not.toBeNull();
  });

  it('only forwards event types the filter names, with the mappings\' pattern syntax', async () => {
    t = await startTestCore();
    const target = await app();
    const source = await stripeSource(t);
    await t.call('destinations.create', { sourceId: source.id, environment: ENV, url: target.url(), eventTypes: ['customer.*'] });
    const { eventId } = await sendStripe(source.url);
    expect(await deliveriesOf(eventId)).toEqual([]);
  });
});

describe('hold and release', () => {
  it('holds while the app is down for 5 s and then delivers every event, in order', async () => {
    t = await startTestCore({ deliveries: { probeIntervalMs: 100 } });
    const target = await app();
    await target.stop();
    const source = await stripeSource(t);
    const dest = await t.call('destinations.create', { sourceId: source.id, environment: ENV, url: target.url(), ordered: true });
    const pushed: PushMessage[] = [];
    t.core.subscribe((m) => pushed.push(m));

    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await sendStripe(source.url)).eventId);
    await expect.poll(async () => (await t!.call('destinations.list', { sourceId: source.id }))[0]).toMatchObject({ autoHeld: true, health: 'held', counts: { held: 5 } });
    expect(pushed.some((m) => m.name === 'destinations.status' && m.payload.startedFailing)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5_000)); // the app is down this long, by the scenario
    await target.start();
    await expect.poll(() => target.received.length, { timeout: 10_000 }).toBe(5);
    expect(target.received.map((r) => Number(r.headers['x-inlet-event-id']))).toEqual(ids);
    // The app has the last one a moment before Inlet has recorded its answer.
    await expect.poll(async () => (await t!.call('destinations.list', { sourceId: source.id }))[0]).toMatchObject({ id: dest.id, autoHeld: false, counts: { delivered: 5, held: 0 } });
  }, 30_000);

  it('keeps events while paused (counted as held) and releases them in order on resume', async () => {
    t = await startTestCore();
    const target = await app();
    const source = await stripeSource(t);
    const dest = await t.call('destinations.create', { sourceId: source.id, environment: ENV, url: target.url() });
    await t.call('destinations.pause', { id: dest.id });
    const ids = [(await sendStripe(source.url)).eventId, (await sendStripe(source.url)).eventId, (await sendStripe(source.url)).eventId];
    expect((await t.call('destinations.list', {}))[0]!.counts).toMatchObject({ held: 3, pending: 0 });
    expect((await deliveriesOf(ids[0]!))[0]!.status).toBe('held');
    expect(target.received).toHaveLength(0);

    await t.call('destinations.resume', { id: dest.id, ratePerSecond: 50 });
    await expect.poll(() => target.received.length).toBe(3);
    expect(target.received.map((r) => Number(r.headers['x-inlet-event-id']))).toEqual(ids);
  });
});
