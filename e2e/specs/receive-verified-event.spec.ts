import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';

// The official SDK signs; Inlet must agree with it. No network: the SDK only computes an HMAC here.
const stripe = new Stripe('sk_test_e2e_not_a_real_key');

const customerCreated = (id: string) =>
  JSON.stringify({
    id,
    object: 'event',
    api_version: '2024-06-20',
    created: Math.floor(Date.now() / 1000),
    type: 'customer.created',
    livemode: false,
    pending_webhooks: 1,
    request: { id: 'req_e2e', idempotency_key: null },
    data: { object: { id: 'cus_e2e123', object: 'customer', email: 'ada@example.com', name: 'Ada Lovelace' } },
  });

test('a Stripe event signed by the official SDK shows up live as verified, with its details', async ({ page, host }, testInfo) => {
  const app = new AppPage(page);
  const secret = `whsec_test_${randomBytes(16).toString('hex')}`;

  // The developer opens the UI URL printed by `npm run serve`.
  await app.open(host.uiUrl);
  await expect(page).not.toHaveURL(/token=/);

  // They create a source for Stripe, pick the Stripe preset and paste the signing secret.
  const sources = await app.goToSources();
  await sources.createCustomSource('stripe-test', 'Stripe (test mode)');
  await sources.choosePreset('Stripe');
  await sources.addSecret(secret);
  const url = await sources.endpointUrl('development');
  expect(url.startsWith(`${host.receiverUrl}/in/`)).toBe(true);
  await testInfo.attach('source-configured', { body: await page.screenshot({ path: testInfo.outputPath('source-configured.png') }), contentType: 'image/png' });

  // They watch the log, which is empty so far.
  const log = await app.goToLog();
  await expect(page.getByTestId('log-empty')).toBeVisible();
  await page.evaluate(() => ((globalThis as unknown as Record<string, unknown>).__inletNoReload = true));

  // Stripe delivers customer.created to the development URL.
  const eventId = `evt_e2e_${randomBytes(6).toString('hex')}`;
  const payload = customerCreated(eventId);
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
    body: payload,
  });
  expect(response.status).toBe(200);

  // The row appears without a reload, verified.
  const row = log.row('customer.created');
  await expect(row).toBeVisible();
  await expect(row.getByTestId('verification-badge')).toHaveText(/verified/);
  await expect(row.getByTestId('verification-badge')).toHaveAttribute('data-status', 'verified');
  await expect(row.getByTestId('event-source')).toHaveText('Stripe (test mode)');
  await expect(row.getByTestId('response-status')).toHaveText('200');
  expect(await page.evaluate(() => (globalThis as unknown as Record<string, unknown>).__inletNoReload)).toBe(true);

  // The detail shows the request as received and why it verified.
  await log.open('customer.created');
  await expect(log.detail.getByTestId('detail-request-line')).toHaveText(/^POST \/in\//);
  await expect(log.header('stripe-signature').locator('td')).toHaveText(signature);
  await expect(log.header('content-type').locator('td')).toHaveText('application/json');
  const body = log.detail.getByTestId('body-view');
  await expect(body).toHaveAttribute('data-format', 'json');
  await expect(body).toContainText(`"id": "${eventId}"`);
  await expect(body).toContainText('"email": "ada@example.com"');
  const verification = log.detail.getByTestId('verification-result');
  await expect(verification).toHaveAttribute('data-status', 'verified');
  await expect(verification).toContainText('The signature matched a configured secret.');
  await expect(log.detail.getByTestId('diagnosis')).toHaveCount(0);
  await expect(log.detail.getByTestId('action-runs')).toContainText('No mapping matched');

  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
});
