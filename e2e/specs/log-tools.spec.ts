import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import Stripe from 'stripe';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { LogToolsPage } from '../pages/log-tools.page';

const stripe = new Stripe('sk_test_e2e_not_a_real_key');
const SECRET = `whsec_log_${randomBytes(12).toString('hex')}`;
/** Stripe's new signing secret, which nobody has pasted into Inlet yet. */
const ROTATED = `whsec_rotated_${randomBytes(12).toString('hex')}`;
const run = promisify(execFile);

test('search, filters, replay with comparison, bulk replay and copy as cURL', async ({ page, host, context }, testInfo) => {
  test.setTimeout(90_000);
  const source = await callApi(host, 'sources.create', { key: 'stripe', name: 'Stripe' });
  const preset = (await callApi(host, 'verification.presets', {})).find((p) => p.id === 'stripe');
  if (!preset) throw new Error('the core offers no Stripe preset');
  await callApi(host, 'sources.update', { id: source.id, settings: { development: { verification: preset.config } } });
  await callApi(host, 'sources.addSecret', { id: source.id, environment: 'development', secret: SECRET });
  const url = `${host.receiverUrl}/in/${source.settings.find((s) => s.environment === 'development')!.endpointToken}`;

  /** Stripe delivers `type`; signed with a secret Inlet does not know yet when `rotated`. */
  const deliver = async (type: string, customer: Record<string, string>, rotated = false): Promise<number> => {
    const payload = JSON.stringify({ id: `evt_${randomBytes(6).toString('hex')}`, object: 'event', type, data: { object: { object: 'customer', ...customer } } });
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: rotated ? ROTATED : SECRET });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' }, body: payload });
    expect(res.status).toBe(200);
    return ((await res.json()) as { event_id: number }).event_id;
  };
  await deliver('customer.created', { id: 'cus_1', name: 'Ada Lovelace' });
  await deliver('customer.updated', { id: 'cus_2', name: 'Grace Hopper', city: 'Zanzibar' });
  const rotatedId = await deliver('invoice.paid', { id: 'cus_3', name: 'Alan Turing' }, true);
  await deliver('customer.deleted', { id: 'cus_4', name: 'Edsger Dijkstra' }, true);

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.goToLog();
  const log = new LogToolsPage(page);
  await expect(log.rows).toHaveCount(4);

  // Full-text search finds the event by a word in its body ("/" focuses the box).
  await log.list.focus();
  await page.keyboard.press('/');
  await expect(log.search).toBeFocused();
  await page.keyboard.type('zanzibar');
  await expect(log.rows).toHaveCount(1);
  await expect(log.rows.getByTestId('event-type')).toHaveText('customer.updated');
  await log.clearFilters();
  await expect(log.rows).toHaveCount(4);

  // Filter by verification: only the two deliveries signed with the new secret.
  await log.filterVerification('failed');
  await expect(log.rows.getByTestId('event-type')).toHaveText(['customer.deleted', 'invoice.paid']);
  await testInfo.attach('log-filtered', { body: await page.screenshot({ path: testInfo.outputPath('log-filtered-light.png') }), contentType: 'image/png' });

  // The filter is kept across navigation.
  await app.goToSources();
  await app.goToLog();
  await expect(page.getByTestId('filter-verification')).toHaveValue('failed');
  await expect(log.rows).toHaveCount(2);

  // The user adds the new secret and maps invoice.paid (to a workflow that does not exist yet), then
  // replays one failed event: the replay opens, linked to its original, and the comparison shows
  // what changed.
  await callApi(host, 'sources.addSecret', { id: source.id, environment: 'development', secret: ROTATED });
  const mapping = { sourceId: source.id, eventType: 'invoice.paid', activeIn: ['development'] };
  await callApi(host, 'mappings.create', { ...mapping, actionType: 'users_identify', params: { id: 'body.data.object.id', name: 'body.data.object.name' } });
  await callApi(host, 'mappings.create', { ...mapping, actionType: 'workflows_trigger', params: { key: '"invoice-paid"', recipients: 'body.data.object.id', data: 'body' } });
  await log.openId(rotatedId);
  await log.replayOpenEvent('as_is');
  await expect(log.detail.getByTestId('detail-event-type')).toHaveText('invoice.paid');
  await expect(log.detail.getByTestId('origin-badge')).toHaveAttribute('data-origin', 'replay');
  await expect(log.comparison.getByTestId('replay-original-link')).toHaveText(`event #${rotatedId}`);
  const verificationRow = log.comparison.getByTestId('compare-verification');
  await expect(verificationRow.locator('[data-side="original"]')).toContainText('failed');
  await expect(verificationRow.locator('[data-side="replay"]')).toContainText('verified');
  await expect(verificationRow).toHaveAttribute('data-changed', 'true');
  await expect(log.comparison.getByTestId('compare-event-type')).toHaveAttribute('data-changed', 'false');
  const runsRow = log.comparison.getByTestId('compare-action-runs');
  await expect(runsRow.locator('[data-side="original"]')).toHaveText('none');
  await expect(runsRow.locator('[data-side="replay"]')).toContainText('users_identify');
  await expect(runsRow.locator('[data-side="replay"]')).toContainText('not_found');
  await expect(log.detail.getByTestId('action-run')).toHaveCount(2);
  await expect(log.detail.getByTestId('action-error')).toHaveAttribute('data-code', 'not_found');
  await testInfo.attach('replay-compared', { body: await page.screenshot({ path: testInfo.outputPath('replay-compared.png') }), contentType: 'image/png' });
  await log.comparison.getByTestId('replay-original-link').click();
  await expect(log.detail).toHaveAttribute('data-event-id', String(rotatedId));

  // Bulk replay of the filtered set (the two failed originals), with progress to the end.
  await log.bulkReplay('as_is', 'Replay 2 events?');
  await expect(log.bulk).toHaveAttribute('data-state', 'finished');
  await expect(log.bulk.getByTestId('bulk-replay-count')).toHaveText('2 / 2');
  await expect(log.bulk.getByTestId('bulk-replay-progress')).toHaveAttribute('value', '2');
  await testInfo.attach('bulk-replayed', { body: await page.screenshot({ path: testInfo.outputPath('bulk-replayed.png') }), contentType: 'image/png' });
  await log.bulk.getByTestId('bulk-replay-dismiss').click();
  await log.filterVerification('verified');
  await expect(log.rows.and(page.locator('[data-origin="replay"]'))).toHaveCount(3);

  // Copy as cURL on a verified event; the copied command, run in a shell, is accepted as the same request.
  await log.open('customer.created');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await log.detail.getByTestId('copy-curl').click();
  await expect(log.detail.getByTestId('copy-curl')).toHaveText(/Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(await log.curlCommand()).toBe(copied);
  const { stdout } = await run('sh', ['-c', `${copied} -w '\\n%{http_code}'`]);
  const [answer, status] = stdout.trim().split('\n');
  expect(status).toBe('200');
  const resentId = (JSON.parse(answer!) as { event_id: number }).event_id;
  const original = await callApi(host, 'events.get', { id: Number(await log.detail.getAttribute('data-event-id')) });
  const resent = await callApi(host, 'events.get', { id: resentId });
  expect(resent.verification).toBe('verified');
  expect(resent.bodyBase64).toBe(original.bodyBase64);
  const withoutHost = (headers: Array<[string, string]>) => headers.filter(([name]) => name !== 'host');
  expect(withoutHost(resent.headers)).toEqual(withoutHost(original.headers));
  await expect(log.rows.and(page.locator(`[data-event-id="${resentId}"]`))).toBeVisible();

  await page.emulateMedia({ colorScheme: 'dark' });
  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('log-dark.png') }), contentType: 'image/png' });
});
