import { describe, expect, it } from 'vitest';
import { ACTION_ORDER, KNOCK_LIMITS, type ActionType } from '../../../shared/domain/action';
import type { ActionPlan, Mapping } from '../../../shared/domain/mapping';
import type { ExprContext } from '../../../shared/expr/evaluate';
import { fixtures as f } from '../../../shared/expr/fixtures/providers.fixture';
import { planActions, planMapping } from './engine';
import { mapping } from './mapping.fixture';

const one = (m: Mapping, ctx: ExprContext): ActionPlan => planMapping(m, ctx);
const body = (b: unknown): ExprContext => ({ body: b, headers: {}, query: {}, preprocess: null });

describe('planActions on real provider payloads', () => {
  it('identifies the Stripe customer, merging metadata as custom properties', () => {
    const plan = one(
      mapping('users_identify', {
        id: 'body.data.object.id', email: 'body.data.object.email', name: 'body.data.object.name',
        phone_number: 'body.data.object.phone', custom_properties: 'body.data.object.metadata',
        locale: 'body.data.object.preferred_locales[0]', timezone: 'body.data.object.tz',
      }),
      f.stripeCustomerCreated,
    );
    expect(plan).toMatchObject({ status: 'ready', errors: [] });
    expect(plan.params).toEqual({
      id: 'cus_QHkRn3ZqLw8tYv', name: 'Jenny Rosen', email: 'jenny.rosen@example.com', phone_number: '+14155550123',
      locale: 'en-US', plan: 'pro', workspace_id: 'ws_4821',
    });
    expect(plan.coercions).toEqual(['custom_properties: 2 key(s) merged into the properties (plan, workspace_id)']);
    expect(plan.warnings).toEqual(['timezone: body.data.object.tz did not resolve (resolved up to body.data.object, an object); left out']);
  });

  it('triggers on a Stripe invoice with the customer wrapped as a recipient list (Knock default mapping)', () => {
    const plan = one(mapping('workflows_trigger', { key: '"invoice-paid"', recipients: 'body.data.object.customer', data: 'body' }), f.stripeInvoicePaid);
    expect(plan.status).toBe('ready');
    expect(plan.params).toMatchObject({ key: 'invoice-paid', recipients: [{ collection: '$users', id: 'cus_QHkRn3ZqLw8tYv' }] });
    expect((plan.params.data as { type: string }).type).toBe('invoice.paid');
    expect(plan.coercions).toEqual(['recipients: a single value was wrapped in a list']);
  });

  it('identifies a Clerk user with a template name and a fallback email', () => {
    const plan = one(
      mapping('users_identify', {
        id: 'body.data.id', name: '"{{body.data.first_name}} {{body.data.last_name}}"',
        email: 'body.data.email ?? body.data.email_addresses[0].email_address', avatar: 'body.data.image_url',
        custom_properties: 'body.data.public_metadata',
      }),
      f.clerkUserCreated,
    );
    expect(plan.params).toEqual({
      id: 'user_29w83sxmDNGwOuEthce5gg56FcC', name: 'Example Example', email: 'example@example.org',
      avatar: 'https://img.clerk.com/xxxxxx', plan: 'team', role: 'admin',
    });
  });

  it('subscribes a Clerk member to their organization as a tenant, with the role as a property', () => {
    const plan = one(
      mapping('objects_subscribe', {
        collection: '"$tenants"', object_id: 'body.data.organization.id',
        recipients: 'body.data.public_user_data.user_id', properties: '{"role": body.data.role}',
      }),
      f.clerkMembershipCreated,
    );
    expect(plan).toMatchObject({
      status: 'ready',
      params: {
        collection: '$tenants', object_id: 'org_29w9IfBrPmcpi0IeBVaKtA7R94W',
        recipients: [{ collection: '$users', id: 'user_29w83sxmDNGwOuEthce5gg56FcC' }], properties: { role: 'org:admin' },
      },
    });
  });

  it('subscribes a WorkOS directory user to their group object', () => {
    const plan = one(
      mapping('objects_subscribe', { collection: '"directory_groups"', object_id: 'body.data.group.id', recipients: '[body.data.user.id]' }),
      f.workosGroupUserAdded,
    );
    expect(plan).toMatchObject({ status: 'ready', coercions: [], params: { recipients: [{ id: 'directory_user_01E1X56GH84T3FB41SD6PZGDBX' }] } });
  });

  it('deletes the Supabase user from old_record, routed by the preprocess event', () => {
    const m = mapping('users_delete', { id: 'body.old_record.id' }, { eventType: 'auth.users:DELETE' });
    const plans = planActions({ eventType: 'auth.users:DELETE', ctx: f.supabaseUserDelete }, [m], 'development');
    expect(plans).toMatchObject([{ status: 'ready', params: { id: '0f9d3c6a-8a2b-4f7e-9c1d-5e6f7a8b9c0d' } }]);
  });

  it('identifies a PostHog person from $set', () => {
    const plan = one(
      mapping('users_identify', { id: 'body.userId', email: 'body.properties.$set.email', custom_properties: 'body.properties["$set"]' }),
      f.posthogIdentify,
    );
    expect(plan.params).toEqual({ id: '018f9a2b-7c3d-7e4f-8a9b-0c1d2e3f4a5b', email: 'grace@example.com', name: 'Grace Hopper', plan: 'startup' });
    expect(plan.coercions).toContain('custom_properties: email ignored (set by their own parameter)');
  });
});

describe('planActions: named errors', () => {
  const ctx = f.stripeInvoicePaid;
  it.each<[string, ActionType, Record<string, string>, Partial<ActionPlan['errors'][number]>]>([
    ['an unmapped required parameter', 'users_delete', {}, { code: 'missing_required_field', param: 'id', path: null }],
    ['a required field absent from its object', 'users_delete', { id: 'body.data.object.user_id' },
      { code: 'missing_required_field', param: 'id', path: 'body.data.object.user_id' }],
    ['a required field that is null', 'users_delete', { id: 'body.request.id' },
      { code: 'missing_required_field', param: 'id', path: 'body.request.id', message: 'id: body.request.id is null' }],
    ['a path that breaks before its end', 'users_delete', { id: 'body.data.customer.id' },
      { code: 'invalid_path', param: 'id', path: 'body.data.customer.id', longestPrefix: 'body.data', missingAt: 'object' }],
    ['a path through a string', 'users_delete', { id: 'body.data.object.customer.id' },
      { code: 'invalid_path', longestPrefix: 'body.data.object.customer', missingAt: 'string' }],
    ['an object where an id is expected', 'users_delete', { id: 'body.data.object.lines' },
      { code: 'type_mismatch', param: 'id', expected: 'a string id', got: 'object' }],
    ['a string where data must be an object', 'workflows_trigger', { key: '"k"', recipients: '"u1"', data: 'body.type' },
      { code: 'type_mismatch', param: 'data', expected: 'an object', got: 'string' }],
    ['a recipient object without an id', 'workflows_trigger', { key: '"k"', recipients: 'body.data.object.lines.data[0].period', data: 'body' },
      { code: 'type_mismatch', param: 'recipients', message: expect.stringMatching(/^recipients\[0\]: expected an "id"/) }],
    ['an over-long cancellation key', 'workflows_cancel', { key: '"k"', cancellation_key: `"${'x'.repeat(256)}"` },
      { code: 'limit_exceeded', param: 'cancellation_key', limit: 255, actual: 256 }],
    ['an expression that does not parse', 'users_delete', { id: 'body.data[0' },
      { code: 'invalid_expression', param: 'id', offset: 11, message: 'id: expected "]" at 11' }],
    ['an empty list for required recipients', 'workflows_trigger', { key: '"k"', recipients: 'body.data.object.lines.data[*].nope', data: 'body' },
      { code: 'missing_required_field', param: 'recipients' }],
    ['an empty list for optional recipients (would mean "all")', 'workflows_cancel', { key: '"k"', cancellation_key: '"c"', recipients: '[]' },
      { code: 'type_mismatch', param: 'recipients' }],
    ['a non-user as audience member', 'audiences_add_member', { key: '"beta"', user_id: '{"id": "o1", "collection": "projects"}' },
      { code: 'type_mismatch', param: 'user_id', expected: 'a user (collection "$users")' }],
    ['an actor given as a list', 'workflows_trigger', { key: '"k"', recipients: '"u"', actor: '["a", "b"]', data: 'body' },
      { code: 'type_mismatch', param: 'actor', expected: 'one recipient', got: 'array' }],
    ['a custom property of the wrong type (caught by the action schema)', 'users_identify', { id: '"u"', custom_properties: '{"email": 5}' },
      { code: 'type_mismatch', param: 'email', got: 'number' }],
  ])('reports %s', (_what, type, params, error) => {
    const plan = one(mapping(type, params), ctx);
    expect(plan.status).toBe('error');
    expect(plan.errors).toEqual([expect.objectContaining(error)]);
  });

  it('accepts exactly 1,000 recipients on a trigger and refuses 1,001', () => {
    const ids = (n: number) => body({ ids: Array.from({ length: n }, (_, i) => `user_${i}`) });
    const m = mapping('workflows_trigger', { key: '"digest"', recipients: 'body.ids', data: 'body' });
    expect(one(m, ids(KNOCK_LIMITS.triggerRecipients)).status).toBe('ready');
    expect(one(m, ids(1001)).errors).toEqual([
      { code: 'limit_exceeded', param: 'recipients', path: 'body.ids', limit: 1000, actual: 1001, message: 'recipients: 1001 items, more than the limit of 1000' },
    ]);
  });

  it('refuses 101 recipients on a subscription and 1,001 audience members', () => {
    const ctx101 = body({ ids: Array.from({ length: 1001 }, (_, i) => i) });
    expect(one(mapping('objects_subscribe', { collection: '"c"', object_id: '"o"', recipients: 'body.ids' }), body({ ids: Array(101).fill('u') })).errors)
      .toMatchObject([{ code: 'limit_exceeded', limit: 100, actual: 101 }]);
    expect(one(mapping('audiences_add_member', { key: '"a"', user_id: 'body.ids' }), ctx101).errors)
      .toMatchObject([{ code: 'limit_exceeded', limit: 1000, actual: 1001 }]);
  });

  it('reports every failing parameter of a mapping, not just the first', () => {
    const plan = one(mapping('objects_set', { collection: '', id: 'body.nope.deeper' }), ctx);
    expect(plan.errors.map((e) => [e.code, e.param])).toEqual([['missing_required_field', 'collection'], ['invalid_path', 'id']]);
  });
});

describe('planActions: coercions are explicit and logged', () => {
  const ctx = body({
    record: { id: 42, owner_id: 7, team: { id: 3, name: 'Core' } },
    members: [{ id: 1, email: 'a@example.com', name: 'A' }, 'u_2', 3],
    plan: { monthly: true, seats: 10 },
  });
  it.each<[string, ActionType, Record<string, string>, Record<string, unknown>, string[]]>([
    ['a numeric id becomes a string', 'users_delete', { id: 'body.record.id' }, { id: '42' }, ['id: number 42 converted to the string "42"']],
    ['a number and a boolean become text', 'users_identify', { id: '"u"', name: 'body.plan.seats', locale: 'body.plan.monthly' },
      { id: 'u', name: '10', locale: 'true' }, ['name: number 10 converted to a string', 'locale: boolean true converted to a string']],
    ['mixed recipients: inline objects, ids and numbers', 'workflows_trigger', { key: '"k"', recipients: 'body.members', data: 'body.plan' },
      { key: 'k', data: { monthly: true, seats: 10 }, recipients: [
        { collection: '$users', id: '1', properties: { email: 'a@example.com', name: 'A' } },
        { collection: '$users', id: 'u_2' }, { collection: '$users', id: '3' },
      ] },
      ['recipients: 2 numeric id(s) converted to strings', 'recipients: 1 inline recipient(s) will be identified first']],
    ['an inline tenant and a numeric actor', 'workflows_trigger', { key: '"k"', recipients: '"u"', tenant: 'body.record.team', actor: 'body.record.owner_id', data: 'body.plan' },
      { key: 'k', data: { monthly: true, seats: 10 }, recipients: [{ collection: '$users', id: 'u' }], actor: { collection: '$users', id: '7' }, tenant: { id: '3', properties: { name: 'Core' } } },
      ['recipients: a single value was wrapped in a list', 'actor: number 7 converted to the string "7"', 'tenant: inline tenant "3" will be set first']],
  ])('%s', (_what, type, params, expected, coercions) => {
    const plan = one(mapping(type, params), ctx);
    expect(plan).toMatchObject({ status: 'ready', errors: [] });
    expect(plan.params).toEqual(expected);
    expect(plan.coercions).toEqual(coercions);
  });

  it('leaves out optional parameters that are null or empty, without a warning', () => {
    const plan = one(mapping('users_identify', { id: 'body.data.id', name: 'body.data.username', avatar: 'body.data.birthday' }), f.clerkUserCreated);
    expect(plan).toMatchObject({ status: 'ready', params: { id: 'user_29w83sxmDNGwOuEthce5gg56FcC' }, warnings: [] });
  });
});

describe('planActions: selection and order', () => {
  it('runs in the fixed execution order whatever order the mappings were made in', () => {
    const made = [...ACTION_ORDER].reverse().map((t) => mapping(t, {}));
    const plans = planActions({ eventType: 'x', ctx: f.stripeInvoicePaid }, made, 'development');
    expect(plans.map((p) => p.actionType)).toEqual([...ACTION_ORDER]);
  });

  it('keeps mapping position order within one action type', () => {
    const a = mapping('workflows_trigger', {}, { position: 3 });
    const b = mapping('workflows_trigger', {}, { position: 1 });
    const c = mapping('users_identify', {}, { position: 9 });
    const plans = planActions({ eventType: 'x', ctx: f.stripeInvoicePaid }, [a, b, c], 'development');
    expect(plans.map((p) => p.mappingId)).toEqual([c.id, b.id, a.id]);
  });

  it.each<[string, string | null, boolean]>([
    ['invoice.paid', 'invoice.paid', true],
    ['invoice.paid', 'invoice.created', false],
    ['customer.*', 'customer.created', true],
    ['customer.*', 'customer.subscription.created', false],
    ['customer.**', 'customer.subscription.created', true],
    ['customer.*.created', 'customer.subscription.created', true],
    ['auth.users:*', 'auth.users:INSERT', true],
    ['*', '$identify', true],
    ['*', null, false],
  ])('event type %s applies to %s: %s', (pattern, type, applies) => {
    const m = mapping('users_delete', { id: '"u"' }, { eventType: pattern });
    expect(planActions({ eventType: type, ctx: f.stripeInvoicePaid }, [m], 'development')).toHaveLength(applies ? 1 : 0);
  });

  it('ignores mappings inactive in the environment', () => {
    const dev = mapping('users_delete', { id: '"u"' }, { activeIn: ['development'] });
    const both = mapping('users_delete', { id: '"u"' }, { activeIn: ['development', 'production'] });
    const none = mapping('users_delete', { id: '"u"' }, { activeIn: [] });
    const ids = (env: string) => planActions({ eventType: 'x', ctx: f.stripeInvoicePaid }, [dev, both, none], env).map((p) => p.mappingId);
    expect(ids('production')).toEqual([both.id]);
    expect(ids('development')).toEqual([dev.id, both.id]);
    expect(ids('staging')).toEqual([]);
  });

  it('lets the other mappings through when one fails', () => {
    const plans = planActions(
      { eventType: 'invoice.paid', ctx: f.stripeInvoicePaid },
      [
        mapping('workflows_trigger', { key: '"invoice-paid"', recipients: 'body.data.object.customer', data: 'body' }),
        mapping('users_identify', { id: 'body.data.object.customer_id' }),
        mapping('users_identify', { id: 'body.data.object.customer', email: 'body.data.object.customer_email' }),
      ],
      'development',
    );
    expect(plans.map((p) => [p.actionType, p.status])).toEqual([
      ['users_identify', 'error'], ['users_identify', 'ready'], ['workflows_trigger', 'ready'],
    ]);
  });

  it('skips a mapping whose condition is false, with the reason', () => {
    const paidOnly = { path: 'body.data.object.status', op: 'equals', value: 'void' } as const;
    const [plan] = planActions(
      { eventType: 'invoice.paid', ctx: f.stripeInvoicePaid },
      [mapping('workflows_trigger', { key: '"k"', recipients: 'body.data.object.customer', data: 'body' }, { condition: paidOnly })],
      'development',
    );
    expect(plan).toMatchObject({ status: 'skipped', params: {}, errors: [], skipReason: 'condition not met: body.data.object.status equals "void" is false (got "paid")' });
  });

  it('plans a mapping whose condition holds', () => {
    const plan = one(
      mapping('workflows_trigger', { key: '"k"', recipients: 'body.data.object.customer', data: 'body' }, {
        condition: { op: 'all', conditions: [{ path: 'body.data.object.paid', op: 'equals', value: true }, { path: 'body.data.object.customer', op: 'matches', value: '^cus_' }] },
      }),
      f.stripeInvoicePaid,
    );
    expect(plan.status).toBe('ready');
  });

  it('reports a condition that does not parse as an error, not a skip', () => {
    const plan = one(mapping('users_delete', { id: '"u"' }, { condition: { path: 'body.[', op: 'exists' } }), f.stripeInvoicePaid);
    expect(plan).toMatchObject({ status: 'error', errors: [{ code: 'invalid_expression', param: 'condition', offset: 5 }] });
  });
});
