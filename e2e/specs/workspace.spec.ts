import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { callApi } from '../fixtures/control-api';
import type { InletHost } from '../fixtures/host-process';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { LogPage } from '../pages/log.page';
import { SourcePage } from '../pages/source.page';
import { WorkspacePage } from '../pages/workspace.page';

// The official SDK signs; no network: it only computes an HMAC here.
const stripe = new Stripe('sk_test_e2e_not_a_real_key');

const customerCreated = (customer: string, email: string, name: string) =>
  JSON.stringify({
    id: `evt_${randomBytes(8).toString('hex')}`,
    object: 'event',
    api_version: '2024-06-20',
    created: Math.floor(Date.now() / 1000),
    type: 'customer.created',
    livemode: false,
    data: { object: { id: customer, object: 'customer', email, name, metadata: { plan: 'team' } } },
  });

/** A Stripe-verified custom source, set up through the control API as a script would. */
async function stripeSource(host: InletHost, secret: string): Promise<string> {
  const source = await callApi(host, 'sources.create', { key: 'billing', name: 'Billing' });
  const preset = (await callApi(host, 'verification.presets', {})).find((p) => p.id === 'stripe');
  if (!preset) throw new Error('no Stripe verification preset');
  await callApi(host, 'sources.update', { id: source.id, settings: { development: { verification: preset.config as never, enforceVerification: true } } });
  await callApi(host, 'sources.addSecret', { id: source.id, environment: 'development', secret });
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
  return `${host.receiverUrl}/in/${token}`;
}

async function deliver(url: string, payload: string, secret: string): Promise<number> {
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  return res.status;
}

test('a Stripe-signed event runs an identify mapping made in the editor; the user appears live in the workspace, which can be searched and reset', async ({ page, host }, testInfo) => {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const url = await stripeSource(host, secret);
  const app = new AppPage(page);
  await app.open(host.uiUrl);

  // A first customer arrives before any mapping: logged and verified, nothing identified.
  expect(await deliver(url, customerCreated('cus_first', 'first@example.com', 'First Customer'), secret)).toBe(200);

  // The developer maps customer.created → Identify user, filling parameters from that event.
  await app.goToSources();
  await page.getByTestId('source-item-billing').click();
  const mappings = await new SourcePage(page).openMappings();
  await mappings.addMapping('customer.created', 'Identify user');
  await mappings.fillByClicking('id', 'body.data.object.id');
  await mappings.fillByClicking('email', 'body.data.object.email');
  await mappings.fillByClicking('name', 'body.data.object.name');
  await mappings.save();

  // The workspace is empty so far and stays open while the next customer arrives.
  const workspace = await WorkspacePage.open(page);
  await expect(page.getByTestId('workspace-empty')).toContainText('No users in Development yet');
  expect(await deliver(url, customerCreated('cus_ada', 'ada@example.com', 'Ada Lovelace'), secret)).toBe(200);

  // It refreshes by itself: Ada is there, with her properties in the drawer.
  const ada = workspace.row('cus_ada');
  await expect(ada).toContainText('ada@example.com');
  await expect(ada).toContainText('Ada Lovelace');
  await expect(workspace.count).toHaveText('1–1 of 1');
  await workspace.openRow(ada);
  await expect(page.getByTestId('workspace-drawer-title')).toHaveText('Ada Lovelace');
  await expect(page.getByTestId('workspace-json')).toContainText('"email": "ada@example.com"');
  await testInfo.attach('workspace', { body: await page.screenshot({ path: testInfo.outputPath('workspace-users.png') }), contentType: 'image/png' });
  await page.keyboard.press('Escape');
  await expect(workspace.drawer).toBeHidden();

  // The log shows the event verified, with its action run.
  const { items } = await callApi(host, 'events.list', { environment: 'development', limit: 1 });
  const log = await app.goToLog();
  await page.locator(`[data-testid="event-row"][data-event-id="${items[0]!.id}"]`).click();
  await expect(log.detail.getByTestId('verification-result')).toHaveAttribute('data-status', 'verified');
  const run = log.detail.getByTestId('action-run');
  await expect(run).toHaveCount(1);
  await expect(run).toHaveAttribute('data-status', 'success');
  await expect(run).toContainText('users_identify');
  await new LogPage(page).detail.getByRole('button', { name: /close/i }).first().click();

  // Search narrows the users; a miss says so.
  await WorkspacePage.open(page);
  await workspace.search.fill('nobody-like-this');
  await expect(page.getByTestId('workspace-empty')).toContainText('No users match');
  await workspace.search.fill('ada');
  await expect(workspace.rows).toHaveCount(1);
  await workspace.search.fill('');

  // Workflows: one added by hand, then deleted after confirming.
  await workspace.showTab('workflows');
  await page.getByTestId('workflow-key-input').fill('welcome-email');
  await page.getByTestId('workflow-name-input').fill('Welcome email');
  await page.getByTestId('workflow-create').click();
  const welcome = workspace.row('welcome-email');
  await expect(welcome).toContainText('Welcome email');
  await workspace.openRow(welcome);
  await page.getByTestId('workflow-delete').click();
  await page.getByTestId('workflow-delete-confirm').click();
  await expect(welcome).toHaveCount(0);

  // Reset empties the environment's workspace after a confirmation.
  await workspace.showTab('users');
  await expect(workspace.row('cus_ada')).toBeVisible();
  await page.getByTestId('workspace-reset').click();
  await page.getByTestId('workspace-reset-confirm').click();
  await expect(page.getByTestId('workspace-empty')).toContainText('No users in Development yet');
  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
});
