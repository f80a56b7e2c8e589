import Stripe from 'stripe';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';

const stripe = new Stripe('sk_test_e2e_not_a_real_key');

test('failed verifications explain themselves, and the log is browsable by keyboard per environment', async ({ page, host }, testInfo) => {
  // A Stripe source where the user pasted their API key instead of the signing secret.
  const source = await callApi(host, 'sources.create', { key: 'stripe', name: 'Stripe' });
  const preset = (await callApi(host, 'verification.presets', {})).find((p) => p.id === 'stripe');
  if (!preset) throw new Error('the core offers no Stripe preset');
  await callApi(host, 'sources.update', { id: source.id, settings: { development: { verification: preset.config } } });
  await callApi(host, 'sources.addSecret', { id: source.id, environment: 'development', secret: 'sk_test_51AbCdEfGhIjKlMnOp' });
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
  const url = `${host.receiverUrl}/in/${token}`;

  // Stripe signs with the real whsec_ secret, which Inlet does not have.
  const deliver = async (type: string) => {
    const payload = JSON.stringify({ id: `evt_${type.replace('.', '_')}`, object: 'event', type, data: { object: {} } });
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_the_real_one' });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    expect(res.status).toBe(200);
  };

  await deliver('invoice.paid');
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const log = await app.goToLog();
  await expect(log.rows).toHaveCount(1);
  await deliver('customer.updated');
  await deliver('charge.refunded');

  // Newest first, every one failed.
  await expect(log.rows.getByTestId('event-type')).toHaveText(['charge.refunded', 'customer.updated', 'invoice.paid']);
  await expect(log.rows.getByTestId('verification-badge')).toHaveText([/failed/, /failed/, /failed/]);

  // ↓ and Enter open the second row; the diagnosis names the mix-up.
  await log.list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(log.detail.getByTestId('detail-event-type')).toHaveText('customer.updated');
  await expect(log.detail.getByTestId('verification-result')).toHaveAttribute('data-status', 'failed');
  await expect(log.detail.getByTestId('diagnosis')).toBeVisible();
  await expect(log.detail.getByTestId('diagnosis-hint').first()).toContainText('sk_');
  await testInfo.attach('failed-detail', { body: await page.screenshot({ path: testInfo.outputPath('failed-detail.png') }), contentType: 'image/png' });

  // ↓ again moves on; Esc closes the detail.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(log.detail.getByTestId('detail-event-type')).toHaveText('invoice.paid');
  await page.keyboard.press('Escape');
  await expect(log.detail).toHaveCount(0);

  // Production has its own log: empty, until we switch back.
  await app.environment.selectOption('production');
  await expect(page.getByTestId('log-empty')).toContainText('Production');
  await app.environment.selectOption('development');
  await expect(log.rows).toHaveCount(3);

  await page.emulateMedia({ colorScheme: 'dark' });
  await log.open('charge.refunded');
  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
});
