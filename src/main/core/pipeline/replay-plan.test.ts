import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';

const stripe = new Stripe('sk_test_not_a_real_key');
const SECRET = 'whsec_replay_plan_test_secret';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.close());

/** Posts a Stripe event signed by Stripe's SDK `minutesAgo` minutes ago (with `secret`). */
async function sendStripe(url: string, id: string, minutesAgo: number, secret = SECRET): Promise<number> {
  const payload = JSON.stringify({ id, object: 'event', type: 'invoice.paid', data: { object: { object: 'invoice' } } });
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(Date.now() / 1000) - minutesAgo * 60 });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  return ((await res.json()) as { event_id: number }).event_id;
}

/** Imports JSON Lines captures marked redacted (as a redacting export writes them); their event ids. */
async function importRedacted(sourceId: string, lines: object[]): Promise<number[]> {
  const text = lines.map((l) => JSON.stringify({ ...l, redacted: true })).join('\n');
  const { jobId } = await t.call('captures.import', { sourceId, environment: 'development', text });
  let ids: number[] = [];
  await vi.waitFor(async () => {
    const status = await t.call('captures.status', { jobId });
    expect(status?.state).toBe('finished');
    ids = status?.ids ?? [];
  });
  return ids;
}

describe('events.replayPlan', () => {
  it('counts the events a bulk replay re-signs by default (stale Stripe signatures) and says why', async () => {
    const source = await t.call('sources.connect', { templateId: 'stripe', key: 'plan-stripe', mappingIds: [], secrets: { development: SECRET } });
    const url = `${t.core.receiverUrl}/in/${source.settings[0]!.endpointToken}`;
    const old = [await sendStripe(url, 'evt_a', 10), await sendStripe(url, 'evt_b', 12)];
    const fresh = await sendStripe(url, 'evt_c', 0);
    const foreign = await sendStripe(url, 'evt_d', 0, 'whsec_someone_elses');

    const plan = await t.call('events.replayPlan', { sourceId: source.id });
    expect(plan).toMatchObject({ total: 4, resign: 2, asConfigured: 2, failAsConfigured: 3, unsignable: 0, stale: [{ provider: 'Stripe', toleranceSeconds: 300, count: 2 }] });
    expect(plan.summary).toBe(
      "2 of 4 events will be re-signed: their signatures are older than Stripe accepts (5 minutes). The other 2 are verified as configured. 1 of those would fail verification (a stale signature Inlet can't re-sign, or one the current secrets don't match).",
    );

    // Exactly the given events, as `events.replayMany` takes them.
    expect((await t.call('events.replayPlan', { ids: [old[0]!] })).summary).toBe('The event will be re-signed: its signature is older than Stripe accepts (5 minutes).');
    expect((await t.call('events.replayPlan', { ids: [fresh] })).summary).toBe('No signature went stale: the event is verified as configured.');
    expect(await t.call('events.replayPlan', { ids: [fresh, foreign] })).toMatchObject({ resign: 0, failAsConfigured: 1 });
    expect((await t.call('events.replayPlan', { sourceId: source.id, max: 1 })).total).toBe(1);
  });

  it('counts captures redacted on export as re-signed (or ignoring verification where Inlet cannot sign), as single replays default', async () => {
    const source = await t.call('sources.connect', { templateId: 'stripe', key: 'plan-redacted', mappingIds: [], secrets: { development: SECRET } });
    const payload = JSON.stringify({ id: 'evt_r', object: 'event', type: 'invoice.paid', data: { object: { object: 'invoice' } } });
    const headers = { 'content-type': 'application/json', 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) };
    const [signable] = await importRedacted(source.id, [{ headers, body: payload }]);
    expect(await t.call('events.replayPlan', { ids: [signable!] })).toMatchObject({
      total: 1, resign: 1, redacted: 1, ignoreVerification: 0, asConfigured: 0, failAsConfigured: 1, stale: [],
      summary: 'The event will be re-signed because its body was redacted on export.',
    });
    expect((await t.call('events.replayOptions', { id: signable! })).defaultMode).toBe('resign');

    const plain = await t.source('plan-plain-redacted');
    const [unsignable] = await importRedacted(plain.id, [{ headers: { 'content-type': 'application/json' }, body: '{"type":"x"}' }]);
    expect(await t.call('events.replayPlan', { ids: [unsignable!, signable!] })).toMatchObject({
      total: 2, resign: 1, redacted: 1, ignoreVerification: 1, asConfigured: 0, unsignable: 1,
      summary: "1 of 2 events will be re-signed because its body was redacted on export. 1 of 2 events redacted on export can't be re-signed: it is replayed ignoring verification.",
    });
    expect((await t.call('events.replayOptions', { id: unsignable! })).defaultMode).toBe('ignore_verification');
  });

  it('counts an event whose source cannot sign as verified as configured, and unsignable', async () => {
    const { id, url } = await t.source('plan-plain');
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"x"}' });
    expect(await t.call('events.replayPlan', { sourceId: id })).toMatchObject({ total: 1, resign: 0, asConfigured: 1, unsignable: 1, failAsConfigured: 0, stale: [] });
  });
});
