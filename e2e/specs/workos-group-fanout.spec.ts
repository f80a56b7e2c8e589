import { createHmac, randomBytes } from 'node:crypto';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { WorkspacePage } from '../pages/workspace.page';

const GROUP = 'directory_group_e2e_engineering';
const USERS = [
  { id: 'directory_user_e2e_ada', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
  { id: 'directory_user_e2e_grace', first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' },
];

/** A WorkOS delivery, signed as WorkOS signs: HMAC-SHA256 of "<ms>.<body>", hex, in WorkOS-Signature. */
async function deliver(url: string, secret: string, event: string, data: unknown): Promise<number> {
  const body = JSON.stringify({ id: `event_${randomBytes(8).toString('hex')}`, event, data, created_at: new Date().toISOString() });
  const t = Date.now();
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'workos-signature': `t=${t}, v1=${v1}` }, body });
  return res.status;
}

// Knock docs "Subscriptions": triggering a workflow for an object fans out to its subscribers.
test('a WorkOS directory-group event subscribes users; triggering for the group shows one run per subscribed user in the workspace browser', async ({ page, host }) => {
  const secret = `sk_${randomBytes(16).toString('hex')}`;
  const template = await callApi(host, 'templates.get', { id: 'workos' });
  const source = await callApi(host, 'sources.connect', {
    templateId: 'workos', key: 'workos',
    mappingIds: template.defaultMappings.filter((m) => m.enabledByDefault).map((m) => m.id),
    secrets: { development: secret },
  });
  await callApi(host, 'workflows.create', { environment: 'development', key: 'group-news', name: 'Group news' });
  await callApi(host, 'mappings.create', {
    sourceId: source.id, eventType: 'dsync.group.updated', actionType: 'workflows_trigger', activeIn: ['development'],
    params: { key: '"group-news"', recipients: '{"collection": "directory_groups", "id": body.data.id}', data: 'body.data' },
  });
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
  const url = `${host.receiverUrl}/in/${token}`;

  const group = { id: GROUP, name: 'Engineering', directory_id: 'directory_e2e', organization_id: 'org_e2e' };
  for (const u of USERS) expect(await deliver(url, secret, 'dsync.user.created', { ...u, directory_id: 'directory_e2e', custom_attributes: {} })).toBe(200);
  expect(await deliver(url, secret, 'dsync.group.created', group)).toBe(200);
  for (const u of USERS) expect(await deliver(url, secret, 'dsync.group.user_added', { directory_id: 'directory_e2e', user: u, group })).toBe(200);

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const workspace = await WorkspacePage.open(page);
  await workspace.showTab('subscriptions');
  await expect(workspace.rows).toHaveCount(2);
  for (const u of USERS) await expect(workspace.rowWith(u.id)).toContainText(GROUP);

  // The group changes: the trigger names the group, and each subscribed user gets a run of their own.
  expect(await deliver(url, secret, 'dsync.group.updated', { ...group, name: 'Engineering (all)' })).toBe(200);
  await workspace.showTab('runs');
  await expect(workspace.rows).toHaveCount(2);
  for (const u of USERS) {
    const run = workspace.rowWith(u.id);
    await expect(run).toContainText('group-news');
    await expect(run).toContainText(`directory_groups/${GROUP}`);
    await expect(run).toContainText('completed');
  }
  await workspace.openRow(workspace.rowWith(USERS[0]!.id));
  await expect(page.getByTestId('workspace-run-timeline')).toContainText('completed');
});
