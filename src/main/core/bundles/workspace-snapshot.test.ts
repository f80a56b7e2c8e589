import { describe, expect, it, vi } from 'vitest';
import { describeWorkspaceConflict } from '../../../shared/domain/workspace-conflict';
import { coresClosedAfterEach } from '../testing/cores-per-test';
import type { TestCore } from '../testing/test-core';

const ENV = 'development';
const core = coresClosedAfterEach();

interface Person {
  id: string;
  email: string;
  phone: string;
  plan: string;
}

/** A source whose `seed` events identify a user (with channel data and preferences), set an object and a tenant, subscribe and add to an audience. */
async function seedSource(t: TestCore) {
  const source = await t.source('crm');
  const map = (actionType: 'users_identify' | 'objects_set' | 'tenants_set' | 'objects_subscribe' | 'audiences_add_member', params: Record<string, string>) =>
    t.call('mappings.create', { sourceId: source.id, eventType: 'seed', actionType, activeIn: [ENV], params });
  await map('users_identify', { id: 'body.user.id', name: 'body.user.name', email: 'body.user.email', phone_number: 'body.user.phone', custom_properties: 'body.user.props' });
  await map('objects_set', { collection: '"projects"', id: 'body.project', name: 'body.project', custom_properties: '{ "owner": body.user.email }' });
  await map('tenants_set', { id: '"acme"', name: '"Acme"', settings: '{ "branding": { "primary_color": "#ff6600" } }', custom_properties: '{ "region": "eu" }' });
  await map('objects_subscribe', { collection: '"projects"', object_id: 'body.project', recipients: 'body.user.id', properties: '{ "role": body.user.props.plan }' });
  await map('audiences_add_member', { key: '"beta"', user_id: 'body.user.id', tenant: '"acme"' });
  return source;
}

async function send(t: TestCore, url: string, people: Person[]) {
  for (const p of people) {
    const body = {
      type: 'seed', project: `p-${p.id}`,
      user: {
        id: p.id, name: p.id.toUpperCase(), email: p.email, phone: p.phone,
        props: { plan: p.plan, contact: { email: p.email }, channel_data: { push: { tokens: [`tok-${p.id}`] } }, preferences: { workflows: { digest: false } } },
      },
    };
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBeLessThan(300);
  }
  await vi.waitFor(async () => {
    const subs = await t.call('workspace.subscriptions', { environment: ENV, limit: 500 });
    for (const p of people) expect(subs.items.some((s) => s.recipientId === p.id)).toBe(true);
  }, { timeout: 20_000, interval: 50 });
}

/** Everything the workspace browser shows of an environment (but runs), as the contract returns it. */
async function workspaceOf(t: TestCore) {
  const q = { environment: ENV, limit: 500 } as const;
  const byKey = <T>(items: T[], key: (x: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    users: byKey((await t.call('workspace.users', q)).items, (u) => u.id),
    objects: byKey((await t.call('workspace.objects', q)).items, (o) => `${o.collection}/${o.id}`),
    tenants: byKey((await t.call('workspace.tenants', q)).items, (x) => x.id),
    subscriptions: byKey((await t.call('workspace.subscriptions', q)).items, (s) => `${s.collection}/${s.objectId}/${s.recipientId}`),
    members: byKey((await t.call('workspace.audienceMembers', q)).items, (m) => `${m.audienceKey}/${m.userId}`),
  };
}

const ada: Person = { id: 'ada', email: 'ada.lovelace@example.com', phone: '+14155550123', plan: 'pro' };
const bob: Person = { id: 'bob', email: 'bob.builder@example.com', phone: '+14155550188', plan: 'free' };

describe('a bundle with the workspace', () => {
  it('reproduces the workspace exactly in an empty Inlet: users with properties, channel data and preferences, objects, tenants, subscriptions, audiences', async () => {
    const from = await core();
    const source = await seedSource(from);
    await send(from, source.url, [ada, bob]);
    const expected = await workspaceOf(from);
    expect(expected.users.find((u) => u.id === 'ada')).toMatchObject({ email: ada.email, channelData: { push: { tokens: ['tok-ada'] } }, preferences: { workflows: { digest: false } } });

    const { bundle } = await from.call('bundles.export', { workspace: true });
    const without = await from.call('bundles.export', {});
    expect(without.bundle.workspace).toBeUndefined();

    const to = await core();
    const preview = await to.call('bundles.preview', { file: bundle });
    expect(preview.items.filter((i) => i.kind === 'workspace')).toEqual([
      expect.objectContaining({ ref: 'workspace:development', action: 'create', label: 'Workspace of development: 2 users, 2 objects, 1 tenant, 2 subscriptions, 2 audience members' }),
      expect.objectContaining({ ref: 'workspace:production', action: 'create', label: expect.stringContaining('0 users') }),
    ]);
    const report = await to.call('bundles.import', { file: JSON.parse(JSON.stringify(bundle)) as unknown });
    expect(report.workspace?.find((w) => w.environment === ENV)).toEqual({
      environment: ENV, created: { users: 2, objects: 2, tenants: 1, subscriptions: 2, audienceMembers: 2 }, replaced: 0, skipped: 0, conflicts: [],
    });
    expect(await workspaceOf(to)).toEqual(expected);
  });

  it('redacts the snapshot with the log slice\'s placeholders: an email in a user\'s properties never reaches the file and reads as in the events', async () => {
    const t = await core();
    const source = await seedSource(t);
    await send(t, source.url, [ada, bob]);
    const { bundle, redactions } = await t.call('bundles.export', { workspace: true, events: { max: 10 }, redaction: {} });
    const bytes = JSON.stringify(bundle);
    for (const secret of [ada.email, bob.email, ada.phone, bob.phone]) expect(bytes).not.toContain(secret);
    expect(redactions.first.some((c) => c.where.startsWith('workspace development user ada') && c.before === ada.email)).toBe(true);

    const dev = bundle.workspace!.find((w) => w.environment === ENV)!;
    const user = dev.users.find((u) => u.id === 'ada')!;
    const event = bundle.events.map((e) => JSON.parse(e.body) as { user: { id: string; email: string; phone: string } }).find((b) => b.user.id === 'ada')!;
    expect(event.user.email).not.toBe(ada.email);
    expect(user.email).toBe(event.user.email);
    expect((user.properties.contact as { email: string }).email).toBe(event.user.email);
    expect(user.phoneNumber).toBe(event.user.phone);
    expect(dev.objects.find((o) => o.id === 'p-ada')!.properties.owner).toBe(event.user.email);
  });

  it('names in the import report which users, objects, tenants and subscriptions were already here, and whether they were kept or replaced', async () => {
    const from = await core();
    await send(from, (await seedSource(from)).url, [ada, bob]);
    const { bundle } = await from.call('bundles.export', { workspace: true });
    const here = await core();
    await send(here, (await seedSource(here)).url, [ada, bob]);

    const report = await here.call('bundles.import', { file: bundle, choices: { 'source:crm': 'skip', 'workspace:development/users': 'replace' } });
    const dev = report.workspace?.find((w) => w.environment === ENV);
    expect(dev?.conflicts).toEqual([
      { kind: 'users', action: 'replaced', count: 2, ids: ['ada', 'bob'] },
      { kind: 'objects', action: 'kept', count: 2, ids: ['projects/p-ada', 'projects/p-bob'] },
      { kind: 'tenants', action: 'kept', count: 1, ids: ['acme'] },
      { kind: 'subscriptions', action: 'kept', count: 2, ids: ['ada → projects/p-ada', 'bob → projects/p-bob'] },
    ]);
    expect(dev?.conflicts.map(describeWorkspaceConflict)).toEqual([
      "2 users already existed: ada, bob — replaced with the file's",
      '2 objects already existed: projects/p-ada, projects/p-bob — kept as they were here',
      '1 tenant already existed: acme — kept as they were here',
      '2 subscriptions already existed: ada → projects/p-ada, bob → projects/p-bob — kept as they were here',
    ]);
  });

  it('resolves a user, object or subscription already here as chosen: skip keeps this one, replace takes the file\'s; rename is not offered', async () => {
    const from = await core();
    await send(from, (await seedSource(from)).url, [ada, bob]);
    const { bundle } = await from.call('bundles.export', { workspace: true });
    const fileSide = await workspaceOf(from);

    const here = await core();
    await send(here, (await seedSource(here)).url, [{ ...ada, email: 'ada@here.test', plan: 'enterprise' }]);
    const before = await workspaceOf(here);
    const preview = await here.call('bundles.preview', { file: bundle, onConflict: 'rename' });
    const users = preview.items.find((i) => i.ref === 'workspace:development/users');
    expect(users).toMatchObject({ kind: 'workspace', exists: true, actions: ['replace', 'skip'], action: 'skip', label: '1 user already in development: ada' });
    expect(users?.note).toMatch(/Rename is not offered/);
    expect(preview.items.map((i) => i.ref)).toEqual(expect.arrayContaining(['workspace:development/objects', 'workspace:development/tenants', 'workspace:development/subscriptions']));

    const skipped = await here.call('bundles.import', { file: bundle, choices: { 'source:crm': 'skip' } });
    expect(skipped.workspace?.find((w) => w.environment === ENV)).toMatchObject({ created: { users: 1 }, replaced: 0 });
    const afterSkip = await workspaceOf(here);
    expect(afterSkip.users.find((u) => u.id === 'ada')).toEqual(before.users.find((u) => u.id === 'ada'));
    expect(afterSkip.users.find((u) => u.id === 'bob')).toEqual(fileSide.users.find((u) => u.id === 'bob'));

    const replaced = await here.call('bundles.import', {
      file: bundle,
      choices: { 'source:crm': 'skip', 'workspace:development/users': 'replace', 'workspace:development/subscriptions': 'replace', 'workspace:development/objects': 'replace' },
    });
    expect(replaced.workspace?.find((w) => w.environment === ENV)?.replaced).toBeGreaterThanOrEqual(2);
    const afterReplace = await workspaceOf(here);
    expect(afterReplace.users).toEqual(fileSide.users);
    expect(afterReplace.subscriptions).toEqual(fileSide.subscriptions);
    expect(afterReplace.objects).toEqual(fileSide.objects);
  });
});
