import { describe, expect, it } from 'vitest';
import { evaluate, type EvalResult, type ExprContext } from './evaluate';
import { fixtures as f } from './fixtures/providers.fixture';
import { parseExpr } from './parse';

const run = (source: string, ctx: ExprContext): EvalResult => {
  const r = parseExpr(source);
  if (!r.ok) throw new Error(r.error.message);
  return evaluate(r.ast, ctx);
};

const value = (source: string, ctx: ExprContext): unknown => {
  const r = run(source, ctx);
  if (!r.found) throw new Error(`${source} did not resolve: ${JSON.stringify(r)}`);
  return r.value;
};

describe('evaluate on real provider payloads', () => {
  it.each<[string, ExprContext, string, unknown]>([
    ['Stripe', f.stripeCustomerCreated, 'body.type', 'customer.created'],
    ['Stripe', f.stripeCustomerCreated, 'body.data.object.id', 'cus_QHkRn3ZqLw8tYv'],
    ['Stripe', f.stripeCustomerCreated, 'body.data.object.metadata', { plan: 'pro', workspace_id: 'ws_4821' }],
    ['Stripe', f.stripeCustomerCreated, 'body.data.object.preferred_locales[0]', 'en-US'],
    ['Stripe', f.stripeCustomerCreated, 'headers.stripe-signature', expect.stringMatching(/^t=1718000000,v1=/)],
    ['Stripe', f.stripeInvoicePaid, 'body.data.object.customer', 'cus_QHkRn3ZqLw8tYv'],
    ['Stripe', f.stripeInvoicePaid, 'body.data.object.lines.data[0].price.id', 'price_1PAbCd2eZvKYlo2CproMonthly'],
    ['Stripe', f.stripeInvoicePaid, 'body.data.object.lines.data.0.price.id', 'price_1PAbCd2eZvKYlo2CproMonthly'],
    ['Stripe', f.stripeInvoicePaid, 'body.data.object.lines.data[*].price.id', ['price_1PAbCd2eZvKYlo2CproMonthly']],
    ['Stripe', f.stripeInvoicePaid, 'body.data.object.amount_due', 2900],
    ['Clerk', f.clerkUserCreated, 'body.data.email_addresses[0].email_address', 'example@example.org'],
    ['Clerk', f.clerkUserCreated, 'body.data.phone_numbers[0].phone_number', '+15555550100'],
    ['Clerk', f.clerkUserCreated, 'body.data.public_metadata.role', 'admin'],
    ['Clerk', f.clerkUserCreated, 'headers.svix-id', 'msg_2fQ8kX9yZ3aB4cD5eF6gH7iJ8kL'],
    ['Clerk', f.clerkUserCreated, 'headers.SVIX-ID', 'msg_2fQ8kX9yZ3aB4cD5eF6gH7iJ8kL'],
    ['Clerk', f.clerkMembershipCreated, 'body.data.public_user_data.user_id', 'user_29w83sxmDNGwOuEthce5gg56FcC'],
    ['Clerk', f.clerkMembershipCreated, 'body.data.organization.id', 'org_29w9IfBrPmcpi0IeBVaKtA7R94W'],
    ['WorkOS', f.workosUserCreated, 'body.event', 'dsync.user.created'],
    ['WorkOS', f.workosUserCreated, 'body.data.emails[0].value', 'eric@example.com'],
    ['WorkOS', f.workosUserCreated, 'body.data.custom_attributes.department', 'Engineering'],
    ['WorkOS', f.workosGroupUserAdded, 'body.data.group.id', 'directory_group_01E1X5GPMMXF4T1DCERMVEEPVW'],
    ['Supabase', f.supabaseUserInsert, 'body.record.raw_user_meta_data.full_name', 'Ada Lovelace'],
    ['Supabase', f.supabaseUserInsert, 'preprocess.event', 'auth.users:INSERT'],
    ['Supabase', f.supabaseUserInsert, 'body.record.phone', null],
    ['Supabase', f.supabaseUserDelete, 'body.old_record.id', '0f9d3c6a-8a2b-4f7e-9c1d-5e6f7a8b9c0d'],
    ['PostHog', f.posthogIdentify, 'body.event', '$identify'],
    ['PostHog', f.posthogIdentify, 'body.properties.$set.email', 'grace@example.com'],
    ['PostHog', f.posthogIdentify, 'body.properties["$current_url"]', 'https://app.example.com/settings'],
    ['PostHog', f.posthogWebhookEvent, 'body.event.event', 'invite_sent'],
    ['PostHog', f.posthogWebhookEvent, 'body.person.properties.email', 'grace@example.com'],
  ])('%s: %s', (_provider, ctx, source, expected) => {
    expect(value(source, ctx)).toEqual(expected);
  });
});

describe('evaluate: missing data never throws and names the longest prefix', () => {
  it.each<[string, ExprContext, string, string, boolean]>([
    ['body.data.object.nickname', f.stripeCustomerCreated, 'body.data.object', 'object', true],
    ['body.data.object.address.city', f.stripeCustomerCreated, 'body.data.object.address', 'null', false],
    ['body.data.email.domain', f.workosUserCreated, 'body.data.email', 'string', false],
    ['body.data.nope.deeper.still', f.clerkUserCreated, 'body.data', 'object', false],
    ['body.data.email_addresses[3].email_address', f.clerkUserCreated, 'body.data.email_addresses', 'array', false],
    ['body.data.web3_wallets[0]', f.clerkUserCreated, 'body.data.web3_wallets', 'array', true],
    ['body.record.email', f.supabaseUserDelete, 'body.record', 'null', false],
    ['body.data.id[*]', f.clerkUserCreated, 'body.data.id', 'string', false],
    ['preprocess.event', f.stripeInvoicePaid, 'preprocess', 'null', false],
    ['headers.x-missing', f.posthogIdentify, 'headers', 'object', true],
    ['body.constructor', f.stripeCustomerCreated, 'body', 'object', true],
    ['body.data.object.email.length', f.stripeCustomerCreated, 'body.data.object.email', 'string', false],
  ])('%s → prefix %s (%s)', (source, ctx, longestPrefix, missingAt, atLastSegment) => {
    expect(run(source, ctx)).toEqual({ found: false, path: expect.any(String), longestPrefix, missingAt, atLastSegment });
  });

  it('reports an absent namespace with an empty prefix', () => {
    expect(run('query.page', { body: {}, headers: {}, query: undefined, preprocess: null })).toMatchObject({
      found: false,
      longestPrefix: '',
      missingAt: 'missing',
    });
  });
});

describe('evaluate: [*] takes a list', () => {
  const ctx: ExprContext = {
    body: {
      members: [{ user_id: 'u1' }, { user_id: 'u2', role: 'admin' }, { role: 'guest' }, { user_id: null }],
      teams: [{ users: [{ id: 'a' }, { id: 'b' }] }, { users: [] }, { users: [{ id: 'c' }] }],
    },
    headers: {},
    query: {},
    preprocess: null,
  };
  it.each<[string, unknown]>([
    ['body.members[*].user_id', ['u1', 'u2', null]],
    ['body.members[*].role', ['admin', 'guest']],
    ['body.members[*]', [{ user_id: 'u1' }, { user_id: 'u2', role: 'admin' }, { role: 'guest' }, { user_id: null }]],
    ['body.teams[*].users[*].id', ['a', 'b', 'c']],
    ['body.members[*].nothing', []],
  ])('%s → %j', (source, expected) => {
    expect(value(source, ctx)).toEqual(expected);
  });
});

describe('evaluate: quoted keys', () => {
  const ctx: ExprContext = {
    body: { 'first name': 'Ada', 'a.b': { 'c"d': 1 }, '0': 'zero key', '': 'empty' },
    headers: { 'x-odd.key': 'odd' },
    query: { 'filter[status]': 'open' },
    preprocess: null,
  };
  it.each<[string, unknown]>([
    ['body["first name"]', 'Ada'],
    ['body["a.b"]["c\\"d"]', 1],
    ['body[0]', 'zero key'],
    ['body.0', 'zero key'],
    ['body[""]', 'empty'],
    ['headers["x-odd.key"]', 'odd'],
    ['query["filter[status]"]', 'open'],
  ])('%s → %j', (source, expected) => {
    expect(value(source, ctx)).toEqual(expected);
  });
});

describe('evaluate: templates', () => {
  it.each<[string, ExprContext, unknown]>([
    ['"{{body.data.first_name}} {{body.data.last_name}}"', f.clerkUserCreated, 'Example Example'],
    ['"{{body.data.first_name}} {{body.data.last_name}}"', f.workosUserCreated, 'Eric Schneider'],
    ['"{{body.schema}}.{{body.table}}:{{body.type}}"', f.supabaseUserInsert, 'auth.users:INSERT'],
    ['"amplitude-{{body.data.object.amount_due}}"', f.stripeInvoicePaid, 'amplitude-2900'],
    ['"{{body.data.object.amount_due}}"', f.stripeInvoicePaid, '2900'],
    ['"paid: {{body.data.object.paid}}"', f.stripeInvoicePaid, 'paid: true'],
    ['"{{body.data.object.metadata}}"', f.stripeCustomerCreated, '{"plan":"pro","workspace_id":"ws_4821"}'],
    ['"{{ body.record.phone ?? "no phone" }}"', f.supabaseUserInsert, 'no phone'],
    ['"{{body.data.username ?? ""}}x"', f.clerkUserCreated, 'x'],
  ])('%s', (source, ctx, expected) => {
    expect(value(source, ctx)).toBe(expected);
  });

  it('does not resolve when a placeholder is missing, and says which path', () => {
    expect(run('"{{body.data.first_name}} {{body.data.middle_name}}"', f.clerkUserCreated)).toMatchObject({
      found: false,
      path: 'body.data.middle_name',
      longestPrefix: 'body.data',
    });
  });

  it('does not resolve when a placeholder is null', () => {
    expect(run('"user {{body.data.username}}"', f.clerkUserCreated)).toMatchObject({ found: false, missingAt: 'null' });
  });
});

describe('evaluate: fallbacks', () => {
  it.each<[string, ExprContext, unknown]>([
    ['body.data.email ?? body.data.email_addresses[0].email_address', f.clerkUserCreated, 'example@example.org'],
    ['body.data.email ?? body.data.emails[0].value', f.workosUserCreated, 'eric@example.com'],
    ['body.record.phone ?? "unknown"', f.supabaseUserInsert, 'unknown'],
    ['body.userId ?? body.properties.distinct_id', f.posthogIdentify, '018f9a2b-7c3d-7e4f-8a9b-0c1d2e3f4a5b'],
    ['body.x ?? body.y ?? 0', f.posthogIdentify, 0],
    ['body.data.object.description ?? body.data.object.name', f.stripeCustomerCreated, 'Jenny Rosen'],
    ['body.data.object.description ?? body.data.object.currency', f.stripeCustomerCreated, null],
  ])('%s → %j', (source, ctx, expected) => {
    expect(value(source, ctx)).toEqual(expected);
  });

  it('reports the first alternative when none resolves', () => {
    expect(run('body.data.nickname ?? body.nothing.here', f.clerkUserCreated)).toMatchObject({
      found: false,
      path: 'body.data.nickname',
      longestPrefix: 'body.data',
      atLastSegment: true,
    });
  });
});

describe('evaluate: literals, objects and arrays', () => {
  it.each<[string, unknown]>([
    ['"$tenants"', '$tenants'],
    ['1000', 1000],
    ['{"role": body.data.role, "org": body.data.organization.slug, "gone": body.data.nope}', { role: 'org:admin', org: 'acme-inc' }],
    ['[body.data.public_user_data.user_id, "admin_1", body.nope]', ['user_29w83sxmDNGwOuEthce5gg56FcC', 'admin_1']],
    ['{"nested": {"deep": [true, null]}}', { nested: { deep: [true, null] } }],
  ])('%s', (source, expected) => {
    expect(value(source, f.clerkMembershipCreated)).toEqual(expected);
  });
});
