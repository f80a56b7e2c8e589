import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../testing/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

const STRIPE_SECRET = 'whsec_handlers_test_0123456789abcdef';

/** Everything a connect could have written. */
async function everything() {
  const sources = await t.call('sources.list', {});
  const workflows = await t.call('workflows.list', { environment: 'development' });
  return { sources: sources.length, workflows: workflows.length };
}

describe('templates.list / templates.get', () => {
  it('lists 25 templates with the event types each maps', async () => {
    const list = await t.call('templates.list', {});
    expect(list).toHaveLength(25);
    expect(list.find((x) => x.id === 'clerk')?.eventTypes).toEqual(expect.arrayContaining(['user.created', 'organizationMembership.created']));
  });

  it('returns a whole template and refuses an unknown id', async () => {
    expect((await t.call('templates.get', { id: 'github' })).handshake).toBeNull();
    expect((await t.call('templates.get', { id: 'slack' })).handshake).toBe('slack_url_verification');
    await expect(t.call('templates.get', { id: 'myspace' })).rejects.toThrow(/No template "myspace"/);
  });
});

describe('templates.checkSecret', () => {
  it('accepts a Stripe signing secret', async () => {
    expect(await t.call('templates.checkSecret', { templateId: 'stripe', secret: STRIPE_SECRET })).toEqual({ ok: true });
  });

  it('says an sk_test_ key was pasted where Stripe wants whsec_', async () => {
    const answer = await t.call('templates.checkSecret', { templateId: 'stripe', secret: 'sk_test_51H8abcdefghijklmnop' });
    expect(answer).toMatchObject({ ok: false, problem: expect.stringMatching(/sk_test_.*Stripe API key.*whsec_/) });
  });

  it('says a Twilio Account SID is not the Auth Token', async () => {
    const answer = await t.call('templates.checkSecret', { templateId: 'twilio', secret: `AC${'a'.repeat(32)}` });
    expect(answer.problem).toMatch(/Account SID/);
  });
});

describe('sources.connect', () => {
  it('creates settings, secrets, active mappings and workflows in every environment', async () => {
    const source = await t.call('sources.connect', {
      templateId: 'stripe', key: 'billing', mappingIds: ['customer-created-identify', 'invoice-paid-trigger'], secrets: { development: STRIPE_SECRET },
    });
    expect(source).toMatchObject({ key: 'billing', name: 'Stripe', templateId: 'stripe', templateVersion: '1.0.0' });
    expect(source.settings.map((s) => s.environment)).toEqual(['development', 'production']);
    for (const s of source.settings) expect(s).toMatchObject({ eventTypePath: 'body.type', idempotencyKeyPath: 'body.id', enforceVerification: true, verification: { scheme: 'hmac' } });
    expect(source.settings[0]!.secrets).toEqual([expect.objectContaining({ label: 'Current', preview: 'whsec_…cdef' })]);
    expect(source.settings[1]!.secrets).toEqual([]);
    const mappings = await t.call('mappings.list', { sourceId: source.id });
    expect(mappings.map((m) => [m.eventType, m.actionType, m.activeIn])).toEqual([
      ['customer.created', 'users_identify', ['development', 'production']],
      ['invoice.paid', 'workflows_trigger', ['development', 'production']],
    ]);
    for (const environment of ['development', 'production']) {
      expect((await t.call('workflows.list', { environment })).map((w) => w.key)).toContain('invoice-paid');
    }
  });

  it('saves a script-verified template with its script approved and the secret as a sealed variable', async () => {
    const source = await t.call('sources.connect', { templateId: 'supabase-database', key: 'db', mappingIds: [], secrets: { production: 'a-long-shared-secret-value' } });
    const prod = source.settings.find((s) => s.environment === 'production')!;
    expect(prod.preprocess).toMatchObject({ enabled: true, approved: true });
    expect(prod.eventTypePath).toBe('preprocess.event');
    expect(prod.vars).toEqual([expect.objectContaining({ name: 'SUPABASE_WEBHOOK_SECRET', secret: true, value: null })]);
    expect(prod.secrets).toEqual([]);
  });

  const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an unknown template', { templateId: 'myspace' }, /No template "myspace"/],
    ['an unknown mapping id', { mappingIds: ['customer-created-identify', 'invoice-exploded'] }, /no default mapping "invoice-exploded"/],
    ['an implausible secret', { secrets: { development: 'sk_live_51H8abcdefghijklmnop' } }, /development secret was not saved.*sk_live_/],
    ['a secret for an unknown environment', { secrets: { staging: STRIPE_SECRET } }, /No environment "staging"/],
  ];

  it.each(refusals)('refuses %s and leaves nothing behind', async (_what, patch, message) => {
    const before = await everything();
    const input = { templateId: 'stripe', key: 'billing', mappingIds: ['customer-created-identify'], secrets: {}, ...patch };
    await expect(t.call('sources.connect', input as never)).rejects.toThrow(message);
    expect(await everything()).toEqual(before);
  });

  it('refuses a key that is taken and leaves the existing source as it was', async () => {
    await t.call('sources.create', { key: 'billing' });
    const before = await everything();
    await expect(t.call('sources.connect', { templateId: 'stripe', key: 'billing', mappingIds: [], secrets: {} })).rejects.toThrow(/already exists/);
    expect(await everything()).toEqual(before);
    expect((await t.call('sources.list', {}))[0]).toMatchObject({ key: 'billing', templateId: 'custom' });
  });
});
