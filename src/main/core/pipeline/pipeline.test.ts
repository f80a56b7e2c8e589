import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import stripeCustomerCreated from '../../../shared/expr/fixtures/stripe-customer-created.json';
import stripeInvoicePaid from '../../../shared/expr/fixtures/stripe-invoice-paid.json';
import clerkMembership from '../../../shared/expr/fixtures/clerk-organization-membership-created.json';
import { getPreset } from '../verification';
import { signStripe, signSvix } from '../verification/testing/sdk-signers';
import { startTestCore, type TestCore } from '../testing/test-core';

const STRIPE_SECRET = 'whsec_pipeline_test_secret_0123456789';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

/** Resolves once every event received so far has been processed. */
async function settled(): Promise<void> {
  for (;;) {
    const { items } = await t.call('events.list', { limit: 500 });
    if (items.every((e) => e.processing !== 'pending')) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function stripeSource() {
  const { id, url } = await t.source('stripe');
  await t.call('sources.update', {
    id,
    settings: { development: { verification: getPreset('stripe')!.config, idempotencyKeyPath: 'body.id', enforceVerification: true } },
  });
  await t.call('sources.addSecret', { id, environment: 'development', secret: STRIPE_SECRET });
  await t.call('workflows.create', { environment: 'development', key: 'invoice-paid' });
  await t.call('mappings.create', {
    sourceId: id, eventType: 'customer.created', actionType: 'users_identify', activeIn: ['development'],
    params: { id: 'body.data.object.id', email: 'body.data.object.email', name: 'body.data.object.name', custom_properties: 'body.data.object.metadata' },
  });
  await t.call('mappings.create', {
    sourceId: id, eventType: 'invoice.*', actionType: 'workflows_trigger', activeIn: ['development'],
    params: { key: '"invoice-paid"', recipients: 'body.data.object.customer', data: 'body.data.object', cancellation_key: 'body.data.object.id' },
  });
  return { id, url };
}

const sendStripe = async (url: string, payload: unknown) => {
  const signed = await signStripe({ payload, secret: STRIPE_SECRET, timestamp: Date.now() });
  const res = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
  expect(res.status).toBe(200);
  return ((await res.json()) as { event_id: number }).event_id;
};

describe('the pipeline', () => {
  it('identifies a Stripe customer, then starts a workflow run for their paid invoice', async () => {
    const { url } = await stripeSource();
    const created = await sendStripe(url, stripeCustomerCreated.body);
    const paid = await sendStripe(url, stripeInvoicePaid.body);
    await settled();

    const users = await t.call('workspace.users', { environment: 'development' });
    expect(users.items).toEqual([expect.objectContaining({ id: 'cus_QHkRn3ZqLw8tYv', email: stripeCustomerCreated.body.data.object.email })]);
    const runs = await t.call('workspace.workflowRuns', { environment: 'development' });
    expect(runs.items).toEqual([
      expect.objectContaining({ workflowKey: 'invoice-paid', recipientId: 'cus_QHkRn3ZqLw8tYv', status: 'completed', eventId: paid }),
    ]);
    const detail = await t.call('events.get', { id: paid });
    expect(detail.actionStatus).toBe('success');
    expect(detail.actionRuns).toEqual([
      expect.objectContaining({ actionType: 'workflows_trigger', status: 'success', result: expect.objectContaining({ workflow_run_id: runs.items[0]!.triggerId, runs: [expect.objectContaining({ id: runs.items[0]!.id })] }) }),
    ]);
    expect((await t.call('events.get', { id: created })).actionRuns[0]).toMatchObject({ actionType: 'users_identify', status: 'success' });
  });

  it('starts no run for a customer nobody identified, and says why', async () => {
    const { url } = await stripeSource();
    const paid = await sendStripe(url, stripeInvoicePaid.body);
    await settled();
    const run = (await t.call('events.get', { id: paid })).actionRuns[0]!;
    expect(run.status).toBe('skipped');
    expect(run.result).toMatchObject({ not_identified: ['cus_QHkRn3ZqLw8tYv'] });
    expect((await t.call('workspace.workflowRuns', { environment: 'development' })).total).toBe(0);
  });

  it('runs an event delivered twice with the same idempotency key only once', async () => {
    const { url } = await stripeSource();
    await sendStripe(url, stripeCustomerCreated.body);
    const first = await sendStripe(url, stripeInvoicePaid.body);
    await settled();
    const second = await sendStripe(url, stripeInvoicePaid.body);
    await settled();
    expect((await t.call('events.get', { id: first })).processing).toBe('done');
    const dup = await t.call('events.get', { id: second });
    expect(dup.processing).toBe('duplicate');
    expect(dup.actionRuns).toEqual([]);
    expect((await t.call('workspace.workflowRuns', { environment: 'development' })).total).toBe(1);
  });

  it('cancels the paused run whose cancellation key matches', async () => {
    const { id, url } = await stripeSource();
    // Only a paused run can be cancelled ("Canceling workflows"): give the workflow a delay.
    await t.call('workflows.update', { environment: 'development', key: 'invoice-paid', steps: [{ type: 'delay', seconds: 3600 }] });
    await t.call('mappings.create', {
      sourceId: id, eventType: 'invoice.voided', actionType: 'workflows_cancel', activeIn: ['development'],
      params: { key: '"invoice-paid"', cancellation_key: 'body.data.object.id' },
    });
    await sendStripe(url, stripeCustomerCreated.body);
    await sendStripe(url, stripeInvoicePaid.body);
    const voided = { ...stripeInvoicePaid.body, id: 'evt_voided_1', type: 'invoice.voided' };
    const cancelEvent = await sendStripe(url, voided);
    await settled();
    // invoice.* also triggers for invoice.voided; the cancel runs before the trigger, so only the older run is cancelled.
    const runs = (await t.call('workspace.workflowRuns', { environment: 'development' })).items;
    expect(runs.map((r) => r.status).sort()).toEqual(['cancelled', 'paused']);
    const cancel = (await t.call('events.get', { id: cancelEvent })).actionRuns.find((r) => r.actionType === 'workflows_cancel')!;
    expect(cancel).toMatchObject({ status: 'success', result: { cancelled: [expect.any(String)] } });
  });

  it('subscribes a Clerk organization member to $tenants/<org>', async () => {
    const secret = `whsec_${Buffer.from('clerk-pipeline-secret-bytes!').toString('base64')}`;
    const { id, url } = await t.source('clerk');
    await t.call('sources.update', { id, settings: { development: { verification: getPreset('clerk')!.config, idempotencyKeyPath: 'headers.svix-id' } } });
    await t.call('sources.addSecret', { id, environment: 'development', secret });
    await t.call('mappings.create', {
      sourceId: id, eventType: 'organizationMembership.created', actionType: 'objects_subscribe', activeIn: ['development'],
      params: {
        collection: '"$tenants"', object_id: 'body.data.organization.id', recipients: 'body.data.public_user_data.user_id',
        properties: '{"role": body.data.role}',
      },
    });
    const signed = await signSvix({ payload: clerkMembership.body, secret, timestamp: Date.now() });
    expect((await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body })).status).toBe(200);
    await settled();
    const subs = (await t.call('workspace.subscriptions', { environment: 'development' })).items;
    expect(subs).toEqual([
      expect.objectContaining({
        collection: '$tenants',
        objectId: clerkMembership.body.data.organization.id,
        recipientId: clerkMembership.body.data.public_user_data.user_id,
        properties: { role: clerkMembership.body.data.role },
      }),
    ]);
    expect((await t.call('workspace.tenants', { environment: 'development' })).items[0]?.id).toBe(clerkMembership.body.data.organization.id);
  });

  it('replays an event as a new entry linked to its original, through the current mappings', async () => {
    const { url } = await stripeSource();
    const created = await sendStripe(url, stripeCustomerCreated.body);
    await settled();
    await t.call('workspace.reset', { environment: 'development' });
    const replay = await t.call('events.replay', { id: created, mode: 'as_is' });
    await settled();
    expect(replay.replayOf).toBe(created);
    expect(replay.id).toBeGreaterThan(created);
    // The Stripe signature is still fresh, so as-is verification passes.
    expect(replay.verification).toBe('verified');
    expect((await t.call('events.get', { id: replay.id })).actionStatus).toBe('success');
    expect((await t.call('workspace.users', { environment: 'development' })).total).toBe(1);
  });

  it('rehearses a payload without changing the workspace', async () => {
    const { id } = await stripeSource();
    const result = await t.call('events.rehearse', {
      sourceId: id,
      environment: 'development',
      payload: { headers: { 'content-type': 'application/json' }, body: JSON.stringify(stripeCustomerCreated.body) },
    });
    expect(result.eventType).toBe('customer.created');
    expect(result.verification.status).toBe('failed'); // no signature on a pasted payload
    expect(result.outcomes).toEqual([
      expect.objectContaining({ plan: expect.objectContaining({ actionType: 'users_identify', status: 'ready' }), run: expect.objectContaining({ status: 'success' }) }),
    ]);
    expect((await t.call('workspace.users', { environment: 'development' })).total).toBe(0);
    expect((await t.call('events.list', {})).items).toEqual([]);
  });

  it('tests a mapping draft against the last events of its type', async () => {
    const { id, url } = await stripeSource();
    await sendStripe(url, stripeCustomerCreated.body);
    await sendStripe(url, { ...stripeCustomerCreated.body, id: 'evt_no_email', data: { object: { id: 'cus_2', object: 'customer' } } });
    await settled();
    const report = await t.call('mappings.rehearse', {
      environment: 'development',
      draft: { sourceId: id, eventType: 'customer.created', actionType: 'users_identify', activeIn: [], params: { id: 'body.data.object.id', email: 'body.data.object.email' } },
    });
    expect(report).toMatchObject({ total: 2, passed: 2, failed: 0 });
    const byEmail = await t.call('mappings.rehearse', {
      environment: 'development',
      draft: { sourceId: id, eventType: 'customer.*', actionType: 'users_identify', activeIn: [], params: { id: 'body.data.object.email' } },
    });
    expect(byEmail).toMatchObject({ total: 2, passed: 1, failed: 1 });
    const failure = byEmail.results.find((r) => r.outcome.run.status === 'error')!;
    expect(failure.outcome.run.errors[0]).toMatchObject({ code: 'missing_required_field', param: 'id', path: 'body.data.object.email' });
    expect((await t.call('workspace.users', { environment: 'development' })).total).toBe(2);
  });
});

describe('mapping conditions', () => {
  it('skips a mapping whose condition fails, and runs it once the condition is removed', async () => {
    const { id, url } = await t.source('cond');
    const mapping = await t.call('mappings.create', {
      sourceId: id, eventType: 'user.created', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.id' },
      condition: { op: 'equals', path: 'body.plan', value: 'pro' },
    });
    const send = async () => ((await (await fetch(url, { method: 'POST', body: '{"type":"user.created","id":"u1","plan":"free"}' })).json()) as { event_id: number }).event_id;
    const skipped = await send();
    await settled();
    expect((await t.call('events.get', { id: skipped })).actionRuns[0]).toMatchObject({ status: 'skipped' });
    const updated = await t.call('mappings.update', { id: mapping.id, condition: null });
    expect(updated.condition).toBeUndefined();
    const ran = await send();
    await settled();
    expect((await t.call('events.get', { id: ran })).actionRuns[0]).toMatchObject({ status: 'success' });
  });
});
