/**
 * The seed five (Knock's own templates) end to end: every default mapping switched on, every
 * sample sent through the real receiver by "send test event", no action in error, and the
 * workspace in the state those events describe.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { getTemplate } from './index';
import { testSecretFor } from './testing/template-secrets';
import { CUSTOMER } from './stripe/samples';
import { ORG as CLERK_ORG, USER as CLERK_USER } from './clerk/samples';
import { DIRECTORY_USER, GROUP, ORG as WORKOS_ORG } from './workos/samples';

const ENV = 'development';
let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

const ws = {
  users: async () => (await t.call('workspace.users', { environment: ENV })).items,
  tenants: async () => (await t.call('workspace.tenants', { environment: ENV })).items,
  objects: async () => (await t.call('workspace.objects', { environment: ENV })).items,
  subscriptions: async () => (await t.call('workspace.subscriptions', { environment: ENV })).items,
  runs: async () => (await t.call('workspace.workflowRuns', { environment: ENV })).items,
};
type Ws = typeof ws;

/** Connects with every default mapping on; `send` posts samples in order and checks no action errs. */
async function connectAll(templateId: string) {
  const template = getTemplate(templateId)!;
  const source = await t.call('sources.connect', {
    templateId, key: templateId, mappingIds: template.defaultMappings.map((m) => m.id), secrets: { [ENV]: testSecretFor(template) },
  });
  return async (...sampleIds: string[]) => {
    for (const sampleId of sampleIds) {
      const { status, event } = await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId } });
      expect(status, sampleId).toBe(200);
      const runs = (await t.call('events.get', { id: event.id })).actionRuns;
      expect(runs.filter((r) => r.status === 'error').map((r) => ({ mapping: r.mappingId, errors: r.errors })), sampleId).toEqual([]);
    }
  };
}

const runsOf = async (key: string) => (await ws.runs()).filter((r) => r.workflowKey === key);

interface Step {
  samples: string[];
  expect: (w: Ws) => Promise<void>;
}

const cases: Array<[string, Step[]]> = [
  ['stripe', [
    { samples: ['customer-created'], expect: async (w) => expect(await w.users()).toEqual([expect.objectContaining({ id: CUSTOMER, email: 'jenny.rosen@example.com', name: 'Jenny Rosen' })]) },
    { samples: ['customer-updated', 'invoice-created', 'invoice-paid', 'invoice-payment-failed', 'subscription-created', 'subscription-updated', 'subscription-deleted', 'charge-refunded'],
      expect: async (w) => {
        expect((await w.users())[0]).toMatchObject({ id: CUSTOMER, email: 'jenny@rosen.example' });
        expect(await runsOf('invoice-paid')).toEqual([expect.objectContaining({ recipientId: CUSTOMER, status: 'completed' })]);
        expect((await w.runs()).map((r) => r.workflowKey).sort()).toEqual(['charge-refunded', 'invoice-created', 'invoice-paid', 'invoice-payment-failed', 'subscription-changed', 'subscription-changed', 'subscription-changed']);
      } },
  ]],
  ['clerk', [
    { samples: ['user-created', 'user-updated', 'session-created', 'organization-created', 'organization-updated', 'membership-created'],
      expect: async (w) => {
        expect(await w.users()).toEqual([expect.objectContaining({ id: CLERK_USER, email: 'ada.lovelace@example.com', name: 'Ada Lovelace' })]);
        expect(await w.tenants()).toEqual([expect.objectContaining({ id: CLERK_ORG, name: 'Acme Corporation' })]);
        expect(await w.subscriptions()).toEqual([expect.objectContaining({ collection: '$tenants', objectId: CLERK_ORG, recipientId: CLERK_USER, properties: { role: 'org:admin' } })]);
        expect(await runsOf('new-sign-in')).toHaveLength(1);
      } },
    { samples: ['membership-deleted', 'organization-deleted', 'user-deleted'],
      expect: async (w) => {
        expect(await w.subscriptions()).toEqual([]);
        expect(await w.tenants()).toEqual([]);
        expect(await w.users()).toEqual([]);
      } },
  ]],
  ['workos', [
    { samples: ['dsync-user-created', 'dsync-user-updated', 'dsync-group-created', 'dsync-group-user-added', 'connection-activated', 'user-created', 'organization-created', 'organization-membership-created'],
      expect: async (w) => {
        expect(await w.users()).toEqual(expect.arrayContaining([expect.objectContaining({ id: DIRECTORY_USER, email: 'eric@example.com', name: 'Eric Schneider' })]));
        expect(await w.objects()).toEqual([expect.objectContaining({ collection: 'directory_groups', id: GROUP, name: 'Developers' })]);
        expect(await w.tenants()).toEqual([expect.objectContaining({ id: WORKOS_ORG, name: 'Foo Corp' })]);
        const subs = (await w.subscriptions()).map((s) => `${s.collection}/${s.objectId} ← ${s.recipientId}`).sort();
        expect(subs).toEqual([`$tenants/${WORKOS_ORG} ← user_01E4ZCR3C5A4QZ2Z2JQXGKZJ9E`, `directory_groups/${GROUP} ← ${DIRECTORY_USER}`]);
      } },
    { samples: ['connection-deactivated', 'dsync-group-user-removed', 'dsync-group-deleted', 'dsync-user-deleted'],
      expect: async (w) => {
        expect(await w.objects()).toEqual([]);
        expect((await w.subscriptions()).filter((s) => s.collection === 'directory_groups')).toEqual([]);
        expect((await w.users()).map((u) => u.id)).not.toContain(DIRECTORY_USER);
      } },
  ]],
  ['supabase-database', [
    { samples: ['auth-users-insert', 'auth-users-update', 'public-orders-insert'],
      expect: async (w) => {
        expect(await w.users()).toEqual([expect.objectContaining({ id: '0f9d3c6a-8a2b-4f7e-9c1d-5e6f7a8b9c0d', email: 'ada.lovelace@example.com', name: 'Ada Lovelace' })]);
        expect(await runsOf('order-created')).toEqual([expect.objectContaining({ recipientId: '0f9d3c6a-8a2b-4f7e-9c1d-5e6f7a8b9c0d' })]);
      } },
    { samples: ['auth-users-delete'], expect: async (w) => expect(await w.users()).toEqual([]) },
  ]],
  ['supabase-auth-hook', [
    { samples: ['signup', 'recovery', 'magiclink'],
      expect: async (w) => {
        expect(await w.users()).toEqual([expect.objectContaining({ id: '8ccaa7af-909f-44e7-84cb-67cdccb56be6', email: 'grace@example.com', name: 'Grace Hopper' })]);
        expect((await runsOf('supabase-auth-email')).map((r) => (r.data as { email_action_type: string }).email_action_type).sort()).toEqual(['magiclink', 'recovery', 'signup']);
      } },
  ]],
  ['posthog-knock', [
    { samples: ['identify', 'set', 'trial-started'],
      expect: async (w) => {
        expect(await w.users()).toEqual([expect.objectContaining({ id: 'grace@example.com', email: 'grace@example.com', name: 'Grace Hopper' })]);
        expect(await runsOf('posthog-event')).toEqual([expect.objectContaining({ recipientId: 'grace@example.com' })]);
      } },
  ]],
  ['posthog-webhook', [
    { samples: ['identify', 'invite-sent'],
      expect: async (w) => {
        expect(await w.users()).toEqual([expect.objectContaining({ id: 'grace@example.com', email: 'grace@example.com', name: 'Grace Hopper' })]);
        expect(await runsOf('posthog-event')).toEqual([expect.objectContaining({ recipientId: 'grace@example.com' })]);
      } },
  ]],
  ['custom-http', [
    { samples: ['user-signed-up', 'order-shipped'],
      expect: async (w) => {
        expect(await w.users()).toEqual([expect.objectContaining({ id: 'usr_1024', email: 'margaret@example.com' })]);
        expect(await runsOf('order-shipped')).toEqual([expect.objectContaining({ recipientId: 'usr_1024' })]);
      } },
  ]],
];

describe.each(cases)('%s with every default mapping on', (templateId, steps) => {
  it('runs every sample without an action error and leaves the workspace as the events describe', async () => {
    const send = await connectAll(templateId);
    for (const step of steps) {
      await send(...step.samples);
      await step.expect(ws);
    }
  });
});

it('sends every sample of the seed templates in these cases', () => {
  for (const [templateId, steps] of cases) {
    expect(steps.flatMap((s) => s.samples).sort(), templateId).toEqual(getTemplate(templateId)!.samples.map((s) => s.id).sort());
  }
});
