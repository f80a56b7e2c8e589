import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import Stripe from 'stripe';
import { violations } from '../fixtures/axe';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { EditReplayDrawer } from '../pages/edit-replay.page';
import { LogToolsPage } from '../pages/log-tools.page';

const stripe = new Stripe('sk_test_e2e_not_a_real_key');
const SECRET = `whsec_resign_${randomBytes(12).toString('hex')}`;
const run = promisify(execFile);

test('an old Stripe event is re-signed on replay and verified; an edited amount is replayed with its diff', async ({ page, host }, testInfo) => {
  test.setTimeout(90_000);
  const source = await callApi(host, 'sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { development: SECRET } });
  await callApi(host, 'sources.update', { id: source.id, settings: { development: { enforceVerification: true } } });
  // A support engineer's capture: delivered (and signed by Stripe's SDK) ten minutes ago.
  const payload = JSON.stringify({ id: 'evt_old_1', object: 'event', type: 'invoice.paid', data: { object: { object: 'invoice', customer: 'cus_9', amount_paid: 2000 } } });
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
  const { ids } = await callApi(host, 'events.import', {
    sourceId: source.id, environment: 'development', items: [{ headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload }],
  });
  const originalId = ids[0]!;

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.goToLog();
  const log = new LogToolsPage(page);
  await log.openId(originalId);

  // Before replaying, the panel says why Inlet re-signs, and Re-sign is the chosen mode.
  await expect(log.detail.getByTestId('replay-default-reason')).toHaveText(
    'This event is 10 minutes old; Stripe rejects signatures older than 5 minutes, so Inlet re-signs it.',
  );
  await expect(log.detail.getByTestId('replay-mode-resign')).toHaveAttribute('aria-pressed', 'true');
  await testInfo.attach('resign-default', { body: await page.screenshot({ path: testInfo.outputPath('resign-default.png') }), contentType: 'image/png' });
  await log.detail.getByTestId('replay-event').click();
  await expect(log.detail.getByTestId('origin-badge')).toHaveAttribute('data-origin', 'replay');
  await expect(log.comparison.getByTestId('replay-mode')).toHaveAttribute('data-mode', 'resign');
  const verification = log.comparison.getByTestId('compare-verification');
  await expect(verification.locator('[data-side="original"]')).toContainText('failed');
  await expect(verification.locator('[data-side="replay"]')).toContainText('verified');
  await expect(log.comparison.getByTestId('compare-answered').locator('[data-side="replay"]')).toContainText('200');
  // The request part of the comparison: only the signature changed.
  await log.comparison.getByTestId('compare-request').locator('summary').click();
  await expect(log.comparison.getByTestId('request-diff-headers').locator('tr')).toHaveCount(1);
  await expect(log.comparison.getByTestId('request-diff-headers').locator('tr[data-name="stripe-signature"]')).toBeVisible();

  // The re-signed replay, checked by Stripe's own library.
  const replayId = Number(await log.detail.getAttribute('data-event-id'));
  const replayed = await callApi(host, 'events.get', { id: replayId });
  const header = Object.fromEntries(replayed.headers)['stripe-signature']!;
  expect(stripe.webhooks.constructEvent(replayed.bodyText!, header, SECRET)).toMatchObject({ id: 'evt_old_1' });

  // Edit and replay: the amount changes; a JSON mistake is shown in place before it is fixed.
  await log.comparison.getByTestId('replay-original-link').click();
  await expect(log.detail).toHaveAttribute('data-event-id', String(originalId));
  const drawer = new EditReplayDrawer(page);
  await drawer.open(log.detail);
  await expect(drawer.root.getByTestId('edit-replay-mode-resign')).toHaveAttribute('aria-pressed', 'true');
  await expect(drawer.root.getByTestId('edit-replay-mode-as_is')).toBeDisabled();
  await drawer.replaceBody(payload.replace('"amount_paid":2000', '"amount_paid":42OO'));
  await expect(drawer.jsonError).toContainText('Not valid JSON — Line 1, column');
  await drawer.replaceBody(payload.replace('"amount_paid":2000', '"amount_paid":4200'));
  await expect(drawer.jsonError).toBeHidden();
  expect(await violations(page, '[data-testid="edit-replay"]')).toEqual([]);
  await testInfo.attach('edit-replay', { body: await page.screenshot({ path: testInfo.outputPath('edit-replay.png') }), contentType: 'image/png' });
  await drawer.submit();

  await expect(log.comparison.getByTestId('replay-edited')).toBeVisible();
  await expect(log.comparison.getByTestId('compare-request')).toHaveAttribute('open', '');
  const amount = log.comparison.getByTestId('request-diff-body').locator('tr[data-name="data.object.amount_paid"]');
  await expect(amount.locator('[data-side="original"]')).toHaveText('2000');
  await expect(amount.locator('[data-side="replay"]')).toHaveText('4200');
  await expect(log.comparison.getByTestId('compare-verification').locator('[data-side="replay"]')).toContainText('verified');
  expect(await violations(page, '[data-testid="replay-comparison"]')).toEqual([]);
  await testInfo.attach('edit-diff', { body: await page.screenshot({ path: testInfo.outputPath('edit-diff.png') }), contentType: 'image/png' });

  // A re-signed cURL of the old event, run in a shell, is accepted and verified by the receiver.
  await log.comparison.getByTestId('replay-original-link').click();
  await log.detail.getByTestId('resign-curl').click();
  await expect(log.detail.getByTestId('resigned-curl-expiry')).toContainText('valid until');
  const command = (await log.detail.getByTestId('resigned-curl-command').textContent())!;
  const { stdout } = await run('sh', ['-c', `${command} -w '\\n%{http_code}'`]);
  const [answer, status] = stdout.trim().split('\n');
  expect(status).toBe('200');
  const resent = await callApi(host, 'events.get', { id: (JSON.parse(answer!) as { event_id: number }).event_id });
  expect(resent.verification).toBe('verified');

  await page.emulateMedia({ colorScheme: 'dark' });
  await testInfo.attach('dark', { body: await page.screenshot({ path: testInfo.outputPath('resign-dark.png') }), contentType: 'image/png' });
});
