import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { ApiCallError } from '../../../shared/api/result';
import { getPreset } from '../verification';
import { signStripe } from '../verification/testing/sdk-signers';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

const secret = 'whsec_edit_and_replay_0123456789abcdef';

/** A Stripe-verified source whose `invoice.paid` events identify `body.data.object.customer`, and one event it received. */
async function received() {
  const { id, url } = await t.source('billing');
  await t.call('sources.update', { id, settings: { development: { verification: getPreset('stripe')!.config, enforceVerification: true } } });
  await t.call('sources.addSecret', { id, environment: 'development', secret });
  await t.call('mappings.create', { sourceId: id, eventType: 'invoice.paid', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.data.object.customer', name: 'body.data.object.amount_paid' } });
  const payload = { id: 'evt_1', type: 'invoice.paid', data: { object: { customer: 'cus_1', amount_paid: 2000 } } };
  const signed = await signStripe({ payload, secret, timestamp: Date.now() });
  const res = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
  const { event_id: eventId } = (await res.json()) as { event_id: number };
  return { sourceId: id, eventId, original: await t.call('events.get', { id: eventId }) };
}

const processed = async (id: number) => {
  await expect.poll(async () => (await t.call('events.get', { id })).processing, { timeout: 5_000 }).not.toBe('pending');
  return t.call('events.get', { id });
};

describe('edit and replay', () => {
  it('replays the edited body re-signed, verified and mapped, and marks the replay as edited', async () => {
    const { eventId, original } = await received();
    const body = original.bodyText!.replace('"amount_paid":2000', '"amount_paid":4200');
    const replay = await t.call('events.replay', { id: eventId, edit: { body, query: 'attempt=2' } });
    expect(replay).toMatchObject({ replayMode: 'resign', edited: true, verification: 'verified', responseStatus: 200 });

    const detail = await processed(replay.id);
    expect(detail.bodyText).toBe(body);
    expect(detail.query).toBe('attempt=2');
    expect(detail.actionRuns[0]?.params).toMatchObject({ id: 'cus_1', name: expect.stringMatching(/^4200$/) });
    // The re-signed request is one Stripe's own library accepts.
    const header = Object.fromEntries(detail.headers)['stripe-signature']!;
    expect(new Stripe('sk_test_dummy').webhooks.constructEvent(body, header, secret)).toMatchObject({ data: { object: { amount_paid: 4200 } } });

    const listed = await t.call('events.list', { replayOf: eventId });
    expect(listed.items.map((e) => e.edited)).toEqual([true]);
    expect((await t.call('events.get', { id: eventId })).edited).toBeUndefined();
  });

  it('replaces the headers and keeps the content type the edit gives', async () => {
    const { eventId, original } = await received();
    const headers = Object.fromEntries(original.headers);
    const replay = await t.call('events.replay', { id: eventId, mode: 'ignore_verification', edit: { headers: { ...headers, 'X-Note': 'edited' } } });
    const detail = await t.call('events.get', { id: replay.id });
    expect(Object.fromEntries(detail.headers)).toMatchObject({ 'x-note': 'edited', 'stripe-signature': headers['stripe-signature'] });
    expect(detail).toMatchObject({ edited: true, replayMode: 'ignore_verification', contentType: headers['content-type'] });
  });

  it('refuses an edited request judged as configured, since its signature no longer matches', async () => {
    const { eventId } = await received();
    const error = await t.call('events.replay', { id: eventId, mode: 'as_is', edit: { body: '{}' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/re-signed or ignoring verification/) });
  });

  it('does not mark a replay as edited when the edit changes nothing', async () => {
    const { eventId, original } = await received();
    const replay = await t.call('events.replay', { id: eventId, mode: 'resign', edit: { body: original.bodyText! } });
    expect(replay.edited).toBeUndefined();
  });
});
