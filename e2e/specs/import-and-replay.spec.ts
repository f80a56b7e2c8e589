import { readFile } from 'node:fs/promises';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { ImportDialogPage } from '../pages/import-dialog.page';
import { LogToolsPage } from '../pages/log-tools.page';
import { WorkspacePage } from '../pages/workspace.page';

/** What a customer pasted into a ticket: Stripe's body, without a signature this machine could check. */
const CAPTURED = JSON.stringify(
  {
    id: 'evt_1Q2w3E4r5T6y7U8i',
    object: 'event',
    api_version: '2024-06-20',
    created: 1_732_000_000,
    type: 'customer.created',
    data: { object: { id: 'cus_QxImported01', object: 'customer', email: 'ada@example.com', name: 'Ada Lovelace' } },
    livemode: false,
  },
  null,
  2,
);

test('a support engineer imports a captured payload and replays it through the current mappings', async ({ page, host }, testInfo) => {
  // A Stripe source that enforces signatures, mapped to identify the customer.
  const source = await callApi(host, 'sources.create', { key: 'stripe', name: 'Stripe' });
  const preset = (await callApi(host, 'verification.presets', {})).find((p) => p.id === 'stripe');
  if (!preset) throw new Error('the core offers no Stripe preset');
  await callApi(host, 'sources.update', { id: source.id, settings: { development: { verification: preset.config } } });
  await callApi(host, 'sources.addSecret', { id: source.id, environment: 'development', secret: 'whsec_support_machine_secret' });
  await callApi(host, 'mappings.create', {
    sourceId: source.id,
    eventType: 'customer.created',
    activeIn: ['development'],
    actionType: 'users_identify',
    params: { id: 'body.data.object.id', email: 'body.data.object.email', name: 'body.data.object.name' },
  });

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.goToLog();
  const log = new LogToolsPage(page);

  // Import the pasted body: it lands in the log as an import, judged but not mapped.
  const dialog = await ImportDialogPage.open(page);
  await dialog.chooseSource('Stripe (stripe)');
  await dialog.paste({ body: CAPTURED, headers: 'Content-Type: application/json\nUser-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)' });
  await testInfo.attach('import-dialog-light', { body: await page.screenshot({ path: testInfo.outputPath('import-dialog-light.png') }), contentType: 'image/png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await testInfo.attach('import-dialog-dark', { body: await page.screenshot({ path: testInfo.outputPath('import-dialog-dark.png') }), contentType: 'image/png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.submit();
  await expect(dialog.root.getByTestId('import-status')).toHaveText('Imported 1 request into Stripe (Development).');
  const imported = log.rows.and(page.locator('[data-origin="import"]'));
  await expect(imported).toHaveCount(1);
  await expect(imported.getByTestId('event-type')).toHaveText('customer.created');
  await expect(imported.getByTestId('origin-badge')).toHaveText('import');
  await expect(imported.getByTestId('action-status')).toHaveText('not mapped');
  await testInfo.attach('import-done', { body: await page.screenshot({ path: testInfo.outputPath('import-done-light.png') }), contentType: 'image/png' });

  // Replay it through the current mappings, ignoring verification: the log shows the replays, the
  // replay opens with its comparison, and the identify ran.
  await dialog.replay('ignore_verification');
  await expect(page.getByTestId('filter-origin')).toHaveValue('replay');
  await expect(log.rows).toHaveCount(1);
  await expect(log.rows.getByTestId('origin-badge')).toHaveAttribute('title', /verification ignored/);
  await expect(log.detail.getByTestId('origin-badge')).toHaveAttribute('data-origin', 'replay');
  await expect(log.detail.getByTestId('replay-mode').first()).toHaveText('verification ignored');
  await expect(log.comparison.getByTestId('replay-mode')).toHaveText('verification ignored');
  const runs = log.comparison.getByTestId('compare-action-runs');
  await expect(runs.locator('[data-side="original"]')).toHaveText('none');
  await expect(runs.locator('[data-side="replay"]')).toContainText('users_identify');
  await expect(runs.locator('[data-side="replay"]')).toContainText('success');
  await expect(log.comparison.getByTestId('compare-actions').locator('[data-side="replay"]').getByTestId('action-status')).toHaveAttribute('data-status', 'success');
  await testInfo.attach('import-replayed', { body: await page.screenshot({ path: testInfo.outputPath('import-replayed-light.png') }), contentType: 'image/png' });

  // The customer is now a user in the local workspace.
  const workspace = await WorkspacePage.open(page);
  await workspace.showTab('users');
  await expect(workspace.row('cus_QxImported01')).toContainText('Ada Lovelace');

  // The import exports as a captures file a colleague can import again, byte for byte.
  await app.goToLog();
  await page.getByTestId('filter-origin').selectOption('import');
  await expect(log.rows).toHaveCount(1);
  await log.rows.click();
  const download = page.waitForEvent('download');
  await log.detail.getByTestId('export-event').click();
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  expect(JSON.parse(text)).toEqual([expect.objectContaining({ method: 'POST', body: CAPTURED, bodyEncoding: 'utf8' })]);
  const again = await ImportDialogPage.open(page);
  await again.chooseFile(file.suggestedFilename(), text);
  await expect(again.root.getByTestId('import-file-result')).toContainText('1 request ready');
  await again.submit();
  await again.root.getByTestId('import-show-log').click();
  await expect(log.rows).toHaveCount(2);
  const [first, second] = await Promise.all((await log.rows.all()).map(async (row) => callApi(host, 'events.get', { id: Number(await row.getAttribute('data-event-id')) })));
  expect(first!.bodyBase64).toBe(second!.bodyBase64);
});
