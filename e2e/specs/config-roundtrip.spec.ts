import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { ConfigurationPage } from '../pages/configuration.page';
import { LogPage } from '../pages/log.page';

const SCRIPT = `// Tags each event with its plan for the mappings.
function main({ vars, body, rawBody, headers }) {
  return { verified: true, plan: body.data.plan ?? 'free', region: vars.region ?? 'eu' };
}
`;

test('a configuration moves to another Inlet, and its script runs only once approved there', async ({ page, host, secondHost }, testInfo) => {
  // On the first machine: a source with a preprocess script and a mapping.
  const source = await callApi(host, 'sources.create', { key: 'billing', name: 'Billing' });
  await callApi(host, 'sources.update', { id: source.id, settings: { development: { preprocess: { script: SCRIPT, enabled: true } } } });
  await callApi(host, 'mappings.create', { sourceId: source.id, eventType: 'account.created', activeIn: ['development'], actionType: 'users_identify', params: { id: 'body.data.id', name: 'body.data.name' } });

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const exporter = await ConfigurationPage.open(page);
  const { name, text } = await exporter.export();
  expect(name).toMatch(/^inlet-bundle-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(text) as { format: string; sources: Array<{ key: string; settings: Array<{ preprocess: { script: string } | null }>; mappings: unknown[] }> };
  expect(file.format).toBe('inlet.bundle');
  expect(file.sources.map((s) => s.key)).toEqual(['billing']);
  expect(file.sources[0]!.settings[0]!.preprocess?.script).toBe(SCRIPT);
  expect(file.sources[0]!.mappings).toHaveLength(1);

  // On the second machine: import it; the report names the script awaiting approval.
  await app.open(secondHost.uiUrl);
  const importer = await ConfigurationPage.open(page);
  await importer.import(name, text);
  await expect(importer.report.getByTestId('config-report-created')).toContainText('billing');
  await expect(importer.report.getByTestId('config-report-awaiting')).toContainText('billing in Development');
  await importer.report.scrollIntoViewIfNeeded();
  await testInfo.attach('config-report-light', { body: await page.screenshot({ path: testInfo.outputPath('config-report-light.png') }), contentType: 'image/png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await testInfo.attach('config-report-dark', { body: await page.screenshot({ path: testInfo.outputPath('config-report-dark.png') }), contentType: 'image/png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // The link opens the source's Settings tab: a warning, the script read-only, and Approve.
  await importer.report.getByTestId('config-approve-link-billing-development').click();
  const detail = page.getByTestId('source-detail');
  await expect(detail).toHaveAttribute('data-source-key', 'billing');
  await expect(page.getByTestId('source-tab-settings')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('source-item-billing').getByTestId('script-awaiting-badge')).toBeVisible();
  const banner = page.getByTestId('script-approval');
  await expect(banner).toContainText('This script came from an imported file and does not run until you approve it');
  await expect(page.getByTestId('script-editor')).toHaveAttribute('data-read-only', 'true');
  await expect(page.getByTestId('script-enabled')).toBeDisabled();
  // The banner with the script under it, as the user reads them.
  await banner.evaluate((el) => {
    // Only the panel scrolls, as the user's wheel would; scrollIntoView would move the window too.
    let box = el.parentElement;
    while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
    if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 120;
  });
  await testInfo.attach('approval-banner-light', { body: await page.screenshot({ path: testInfo.outputPath('approval-banner-light.png') }), contentType: 'image/png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await testInfo.attach('approval-banner-dark', { body: await page.screenshot({ path: testInfo.outputPath('approval-banner-dark.png') }), contentType: 'image/png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Saving another setting next to it does not approve it.
  await page.getByTestId('idempotency-key-path').fill('body.data.id');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-save-bar')).toHaveAttribute('data-state', 'saved');
  await expect(banner).toBeVisible();

  // Before approval the script does not run on an event.
  const imported = (await callApi(secondHost, 'sources.list', {})).find((s) => s.key === 'billing')!;
  const url = `${secondHost.receiverUrl}/in/${imported.settings.find((s) => s.environment === 'development')!.endpointToken}`;
  const post = async (id: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'account.created', data: { id, name: 'Grace Hopper', plan: 'team' } }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { event_id: number }).event_id;
  };
  const before = await callApi(secondHost, 'events.get', { id: await post('acct_before') });
  expect(before.preprocessOutput).toBeNull();

  await page.getByTestId('approve-script').click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('script-editor')).toHaveAttribute('data-read-only', 'false');
  await expect(page.getByTestId('script-enabled')).toBeChecked();
  await expect(page.getByTestId('source-item-billing').getByTestId('script-awaiting-badge')).toBeHidden();

  // Approved, it runs: a posted event shows the script's output in its detail.
  const afterId = await post('acct_after');
  await app.goToLog();
  const log = new LogPage(page);
  await log.rows.and(page.locator(`[data-event-id="${afterId}"]`)).click();
  const output = log.detail.getByTestId('preprocess-output');
  await expect(output).toHaveAttribute('data-ok', 'true');
  await expect(output.getByTestId('preprocess-extra')).toContainText('"plan": "team"');
  await expect(log.detail.getByTestId('action-run')).toHaveCount(1);
});
