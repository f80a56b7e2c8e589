import { randomBytes } from 'node:crypto';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { GalleryPage } from '../pages/gallery.page';
import { LogPage } from '../pages/log.page';
import { WorkspacePage } from '../pages/workspace.page';

// The customer every Stripe sample is about (src/main/core/templates/stripe/samples.ts).
const CUSTOMER = 'cus_QHkRn3ZqLw8tYv';

test('connecting Stripe from the gallery, two samples sent with one click each run their mappings into the workspace', async ({ page, host }, testInfo) => {
  const app = new AppPage(page);
  const shot = async (name: string) => testInfo.attach(name, { body: await page.screenshot({ path: testInfo.outputPath(`${name}.png`) }), contentType: 'image/png' });
  await app.open(host.uiUrl);

  // The developer looks for Stripe among the integrations.
  const gallery = await GalleryPage.open(page);
  expect(await gallery.cards.count()).toBeGreaterThan(20);
  await shot('gallery-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('gallery-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('category-filter').getByRole('button', { name: 'Billing' }).click();
  await expect(gallery.card('clerk')).toHaveCount(0);
  await gallery.search.fill('invoice');
  await expect(gallery.card('stripe')).toBeVisible();

  // The dialog suggests the key and pre-sets Stripe's shipped defaults.
  const dialog = await gallery.openConnect('stripe');
  await expect(dialog.root.getByTestId('connect-key')).toHaveValue('stripe');
  await expect(dialog.mappingToggle('customer-created-identify')).toBeChecked();
  await expect(dialog.mappingToggle('invoice-created-trigger')).toBeChecked();
  await expect(dialog.mappingToggle('customer-updated-identify')).not.toBeChecked();
  await expect(dialog.root.getByTestId('mapping-customer-created-identify')).toContainText('Identify user');
  await expect(dialog.root.getByTestId('mapping-invoice-paid-trigger')).toContainText('Trigger workflow');

  // They keep two of the defaults: identify on customer.created, a receipt on invoice.paid.
  await dialog.keepMappings(['customer-created-identify', 'invoice-paid-trigger']);

  // An API key pasted by mistake is called out before anything is saved.
  await dialog.setSecret('development', 'sk_test_51NotAWebhookSecret');
  await expect(dialog.secretCheck('development')).toHaveAttribute('data-check', 'problem');
  await expect(dialog.root.getByTestId('secret-check-development')).toContainText(/sk_/);
  await expect(dialog.root.getByTestId('connect-submit')).toBeDisabled();

  // The real signing secret for development; production is left for later.
  await dialog.setSecret('development', `whsec_${randomBytes(24).toString('base64')}`);
  await expect(dialog.secretCheck('development')).toHaveAttribute('data-check', 'ok');
  await shot('connect-dialog-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('connect-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.connect();

  // One click per sample: the receiver verifies both and their mappings succeed.
  const created = await dialog.sendSample('customer-created');
  await expect(created.getByTestId('send-status')).toHaveText('200');
  await expect(created).toHaveAttribute('data-verification', 'verified');
  await expect(created).toHaveAttribute('data-actions', 'success');
  const paid = await dialog.sendSample('invoice-paid');
  await expect(paid.getByTestId('send-status')).toHaveText('200');
  await expect(paid).toHaveAttribute('data-verification', 'verified');
  await expect(paid).toHaveAttribute('data-actions', 'success');
  await shot('connected-samples-sent');

  // The invoice.paid event in the log: verified, its trigger succeeded.
  await paid.getByTestId('send-open-event').click();
  await expect(dialog.root).toBeHidden();
  const log = new LogPage(page);
  await expect(log.detail.getByTestId('detail-event-type')).toHaveText('invoice.paid');
  await expect(log.detail.getByTestId('verification-result')).toHaveAttribute('data-status', 'verified');
  const triggerRun = log.detail.getByTestId('action-run');
  await expect(triggerRun).toHaveCount(1);
  await expect(triggerRun).toHaveAttribute('data-status', 'success');
  await expect(triggerRun).toContainText('workflows_trigger');

  // And customer.created: verified, the customer identified.
  await expect(log.row('customer.created').getByTestId('verification-badge')).toHaveAttribute('data-status', 'verified');
  await log.open('customer.created');
  const identifyRun = log.detail.getByTestId('action-run');
  await expect(identifyRun).toHaveCount(1);
  await expect(identifyRun).toHaveAttribute('data-status', 'success');
  await expect(identifyRun).toContainText('users_identify');

  // The workspace holds the customer, and the receipt workflow's run for them.
  const workspace = await WorkspacePage.open(page);
  const user = workspace.row(CUSTOMER);
  await expect(user).toContainText('jenny.rosen@example.com');
  await expect(user).toContainText('Jenny Rosen');
  await workspace.openRow(user);
  await expect(workspace.page.getByTestId('workspace-json')).toContainText('"plan": "pro"');
  await workspace.showTab('runs');
  const run = workspace.rowWith('invoice-paid');
  await expect(run).toContainText(CUSTOMER);
  await expect(run).toContainText('completed');
  await workspace.openRow(run);
  await shot('workspace-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('workspace-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The run links back to the event that triggered it.
  await workspace.drawer.getByTestId('workspace-open-event').click();
  await expect(log.detail.getByTestId('detail-event-type')).toHaveText('invoice.paid');
  await shot('final');
});
