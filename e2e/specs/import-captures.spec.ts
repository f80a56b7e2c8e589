import { readFile } from 'node:fs/promises';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { ImportDialogPage } from '../pages/import-dialog.page';
import { LogToolsPage } from '../pages/log-tools.page';

const event = (id: string, type: string) => JSON.stringify({ id, object: 'event', type, data: { object: { id: `obj_${id}` } } });

test('a HAR recorded by Chromium is previewed, one of its posts picked and imported into the log', async ({ page, browser, host }, testInfo) => {
  const source = await callApi(host, 'sources.create', { key: 'hooks', name: 'Hooks' });
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;

  // A real HAR: Chromium records a page posting two webhooks to the receiver (same origin, so
  // the JSON posts go out as written), as devtools' "Save all as HAR" would keep them.
  const harPath = testInfo.outputPath('recorded.har');
  const recorder = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } });
  const tab = await recorder.newPage();
  await tab.goto(`${host.receiverUrl}/in/${token}`);
  await tab.evaluate(async ({ url, bodies }) => {
    for (const body of bodies) await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-capture': 'devtools' }, body });
  }, { url: `${host.receiverUrl}/in/${token}?from=browser`, bodies: [event('evt_a', 'customer.created'), event('evt_b', 'invoice.paid')] });
  await recorder.close();
  const har = await readFile(harPath, 'utf8');
  expect(JSON.parse(har).log.creator.name).toBe('Playwright');

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.goToLog();
  const log = new LogToolsPage(page);
  const dialog = await ImportDialogPage.open(page);
  await dialog.chooseSource('Hooks (hooks)');
  await dialog.chooseFile('recorded.har', har);
  await expect(dialog.root.getByTestId('import-format')).toHaveText('HAR (browser or proxy recording)');
  await expect(dialog.root.getByTestId('import-file-result')).toContainText('2 requests ready, 1 skipped');
  const entries = dialog.previewEntries();
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('customer.created');
  await expect(entries.nth(1)).toContainText('invoice.paid');
  await expect(entries.nth(1)).toContainText(`POST /in/${token}`);
  await entries.nth(0).getByRole('checkbox').uncheck();
  await expect(dialog.root.getByTestId('import-submit')).toHaveText('Import');
  await testInfo.attach('import-har-preview', { body: await page.screenshot(), contentType: 'image/png' });
  await dialog.submit();
  await expect(dialog.root.getByTestId('import-status')).toHaveText('Imported 1 request into Hooks (Development).');
  await dialog.root.getByTestId('import-show-log').click();

  const imported = log.rows.and(page.locator('[data-origin="import"]'));
  await expect(imported).toHaveCount(1);
  await expect(imported.getByTestId('event-type')).toHaveText('invoice.paid');
  const id = Number(await imported.getAttribute('data-event-id'));
  const detail = await callApi(host, 'events.get', { id });
  expect(detail).toMatchObject({ bodyText: event('evt_b', 'invoice.paid'), query: 'from=browser', origin: 'import' });
  expect(detail.headers).toContainEqual(['x-capture', 'devtools']);
});

test('cURL commands copied from devtools are pasted, previewed with their bad line named, and imported', async ({ page, host }, testInfo) => {
  await callApi(host, 'sources.create', { key: 'hooks', name: 'Hooks' });
  const commands = [
    `curl 'https://hooks.example.test/in/x' \\`,
    `  -H 'content-type: application/json' \\`,
    `  --data-raw $'${event('evt_1', 'order.created').replace(/"obj_evt_1"/, '"it\\\'s"')}'`,
    `curl https://hooks.example.test/in/x --data-binary @payload.json`,
    `curl -X PUT https://hooks.example.test/in/x -H 'Content-Type: application/json' -d '${event('evt_2', 'order.updated')}'`,
  ].join('\n');

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.goToLog();
  const log = new LogToolsPage(page);
  const dialog = await ImportDialogPage.open(page);
  await dialog.chooseSource('Hooks (hooks)');
  await dialog.pasteCaptures(commands);
  await expect(dialog.root.getByTestId('import-format')).toHaveText('cURL commands');
  await expect(dialog.previewEntries()).toHaveCount(2);
  await expect(dialog.previewEntries().nth(1)).toContainText('PUT /in/x');
  await expect(dialog.root.getByTestId('import-item-errors')).toHaveText('Line 4: --data-binary @payload.json reads the body from a file that is not part of the paste; paste the body with --data-raw instead.');
  await testInfo.attach('import-curl-preview', { body: await page.screenshot(), contentType: 'image/png' });
  await expect(dialog.root.getByTestId('import-submit')).toHaveText('Import 2 requests');
  await dialog.root.getByTestId('import-submit').click();
  await expect(dialog.root.getByTestId('import-progress')).toHaveAttribute('data-state', 'done');
  await expect(dialog.root.getByTestId('import-status')).toHaveText('Imported 2 requests into Hooks (Development).');
  await dialog.root.getByTestId('import-show-log').click();

  const imported = log.rows.and(page.locator('[data-origin="import"]'));
  await expect(imported.getByTestId('event-type')).toHaveText(['order.updated', 'order.created']);
  const ids = await imported.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-event-id'))));
  const created = await callApi(host, 'events.get', { id: Math.min(...ids) });
  expect(JSON.parse(created.bodyText!).data.object.id).toBe("it's");
});
