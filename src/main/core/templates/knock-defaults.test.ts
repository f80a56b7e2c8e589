/**
 * Knock's five own templates with only the mappings Knock ships switched on ("Sources" pages for
 * Stripe, Clerk, WorkOS, Supabase, PostHog): each sample goes through the real receiver and the
 * workspace holds exactly the records a Knock user would expect, asserted record by record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { ORG as CLERK_ORG, USER as CLERK_USER } from './clerk/samples';
import { getTemplate } from './index';
import { CUSTOMER } from './stripe/samples';
import { testSecretFor } from './testing/template-secrets';
import { DIRECTORY_USER, GROUP } from './workos/samples';

const ENV = 'development';
const SUPABASE_USER = '0f9d3c6a-8a2b-4f7e-9c1d-5e6f7a8b9c0d';
let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

/** Connects with the template's default-on mappings only; returns the source and a sender of samples. */
async function connectDefaults(templateId: string) {
  const template = getTemplate(templateId)!;
  const source = await t.call('sources.connect', {
    templateId, key: templateId, mappingIds: template.defaultMappings.filter((m) => m.enabledByDefault).map((m) => m.id),
    secrets: { [ENV]: testSecretFor(template) },
  });
  const send = async (sampleId: string) => {
    const { status, event } = await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId } });
    expect(status, sampleId).toBe(200);
    const detail = await t.call('events.get', { id: event.id });
    expect(detail.actionRuns.filter((r) => r.status === 'error'), sampleId).toEqual([]);
    return detail;
  };
  return { source, send };
}

const page = { environment: ENV, limit: 100, offset: 0 };
const records = {
  users: async () => (await t.call('workspace.users', page)).items.map((u) => ({ id: u.id, name: u.name, email: u.email })),
  tenants: async () => (await t.call('workspace.tenants', page)).items.map((x) => ({ id: x.id, name: x.name })),
  objects: async () => (await t.call('workspace.objects', page)).items.map((o) => ({ collection: o.collection, id: o.id, name: o.name })),
  subscriptions: async () => (await t.call('workspace.subscriptions', page)).items.map((s) => `${s.collection}/${s.objectId} ← ${s.recipientId}`),
  runs: async () =>
    (await t.call('workspace.workflowRuns', page)).items
      .map((r) => ({ workflow: r.workflowKey, recipient: r.recipientId, via: r.subscription?.id ?? null, status: r.status }))
      .sort((a, b) => `${a.workflow}${a.recipient}`.localeCompare(`${b.workflow}${b.recipient}`)),
};

describe("Knock's templates with their shipped default mappings", () => {
  it('Stripe source: customer.created identifies the customer; invoice.created and invoice.paid each start a completed run for them', async () => {
    const { send } = await connectDefaults('stripe');
    for (const s of ['customer-created', 'invoice-created', 'invoice-paid']) await send(s);
    expect(await records.users()).toEqual([{ id: CUSTOMER, name: 'Jenny Rosen', email: 'jenny.rosen@example.com' }]);
    expect(await records.runs()).toEqual([
      { workflow: 'invoice-created', recipient: CUSTOMER, via: null, status: 'completed' },
      { workflow: 'invoice-paid', recipient: CUSTOMER, via: null, status: 'completed' },
    ]);
    expect(await records.tenants()).toEqual([]);
  });

  it('Clerk source: users identified and organizations set as tenants; an organization membership does nothing by default', async () => {
    const { send } = await connectDefaults('clerk');
    for (const s of ['user-created', 'user-updated', 'organization-created', 'organization-updated', 'membership-created']) await send(s);
    expect(await records.users()).toEqual([{ id: CLERK_USER, name: 'Ada Lovelace', email: 'ada.lovelace@example.com' }]);
    expect(await records.tenants()).toEqual([{ id: CLERK_ORG, name: 'Acme Corporation' }]);
    expect(await records.subscriptions()).toEqual([]);
    await send('organization-deleted');
    expect(await records.tenants()).toEqual([]);
  });

  it('WorkOS source: the directory user is identified, the group kept as an object, and group membership is a subscription; a trigger for the group fans out to it', async () => {
    const { source, send } = await connectDefaults('workos');
    for (const s of ['dsync-user-created', 'dsync-group-created', 'dsync-group-user-added']) await send(s);
    expect(await records.users()).toEqual([{ id: DIRECTORY_USER, name: 'Eric Schneider', email: 'eric@example.com' }]);
    expect(await records.objects()).toEqual([{ collection: 'directory_groups', id: GROUP, name: 'Developers' }]);
    expect(await records.subscriptions()).toEqual([`directory_groups/${GROUP} ← ${DIRECTORY_USER}`]);
    // "Subscriptions": triggering for the object notifies its subscribers, not the object. Triggers
    // run after subscribes, so the membership event itself can notify the group.
    await t.call('workflows.create', { environment: ENV, key: 'group-news' });
    await t.call('mappings.create', {
      sourceId: source.id, eventType: 'dsync.group.user_added', actionType: 'workflows_trigger', activeIn: [ENV],
      params: { key: '"group-news"', recipients: '{"collection": "directory_groups", "id": body.data.group.id}', data: 'body.data' },
    });
    const detail = await send('dsync-group-user-added');
    expect(detail.actionRuns.map((r) => [r.actionType, r.status])).toEqual([['objects_subscribe', 'success'], ['workflows_trigger', 'success']]);
    expect(await records.runs()).toEqual([{ workflow: 'group-news', recipient: DIRECTORY_USER, via: GROUP, status: 'completed' }]);
  });

  it('Supabase source: auth.users INSERT/UPDATE identify the user; the source has no idempotency path by default, as in Knock', async () => {
    const { source, send } = await connectDefaults('supabase-database');
    const settings = (await t.call('sources.get', { id: source.id })).settings.find((x) => x.environment === ENV)!;
    expect(settings.idempotencyKeyPath).toBeNull();
    for (const s of ['auth-users-insert', 'auth-users-update', 'public-orders-insert']) await send(s);
    expect(await records.users()).toEqual([{ id: SUPABASE_USER, name: 'Ada Lovelace', email: 'ada.lovelace@example.com' }]);
    expect(await records.runs()).toEqual([]);
  });

  it('PostHog source: $identify and $set identify the person; other events do nothing by default', async () => {
    const { send } = await connectDefaults('posthog-knock');
    for (const s of ['identify', 'set', 'trial-started']) await send(s);
    expect(await records.users()).toEqual([{ id: 'grace@example.com', name: 'Grace Hopper', email: 'grace@example.com' }]);
    expect(await records.runs()).toEqual([]);
  });
});
