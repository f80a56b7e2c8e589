import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';

test('the command palette works from the keyboard alone: open, filter, run, and the shortcut sheet', async ({ page, host }, testInfo) => {
  const shop = await callApi(host, 'sources.create', { key: 'shop', name: 'Shop' });
  await callApi(host, 'sources.create', { key: 'billing', name: 'Billing' });
  const item = { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: '{"type":"order.created"}', bodyEncoding: 'utf8' as const, query: '' };
  await callApi(host, 'events.import', { sourceId: shop.id, environment: 'development', items: [item] });
  const app = new AppPage(page);
  await app.open(host.uiUrl);

  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Type a command or a source' });
  await expect(input).toBeFocused();
  await expect(page.getByRole('listbox', { name: 'Commands' })).toBeVisible();

  // Fuzzy: "log shop" finds "Go to log: Shop"; Tab never leaves the input.
  await page.keyboard.type('log shop');
  const active = page.locator('[role="option"][aria-selected="true"]');
  await expect(active).toHaveText(/Go to log: Shop/);
  await expect(input).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id'))!);
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await testInfo.attach('palette', { body: await page.screenshot(), contentType: 'image/png' });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-palette')).toBeHidden();
  await expect(page.getByTestId('source-panel-logs')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/sources/${shop.id}/logs$`));
  // In a source's own log the Source column would say the same thing on every row.
  await expect(page.getByTestId('source-logs').getByTestId('event-row')).toHaveCount(1);
  await expect(page.getByTestId('source-logs').locator('.event-list__head')).not.toContainText('Source');
  await expect(page.getByTestId('source-logs').getByTestId('event-source')).toHaveCount(0);

  // Arrows move through the list; Esc closes and gives focus back.
  await page.getByTestId('nav-log').focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('go to');
  await page.keyboard.press('ArrowDown');
  await expect(active).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('command-palette')).toBeHidden();
  await expect(page.getByTestId('nav-log')).toBeFocused();

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-sheet')).toContainText('Open the command palette');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-sheet')).toBeHidden();
});

test('routes survive reload, back and forward, and a pasted link opens where it points', async ({ page, host }) => {
  const shop = await callApi(host, 'sources.create', { key: 'shop', name: 'Shop' });
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await expect(page).toHaveURL(/#\/sources\//);

  await app.goToLog();
  await expect(page).toHaveURL(/#\/log$/);
  await page.reload();
  await expect(page.getByTestId('page-log')).toBeVisible();

  await page.getByTestId('nav-sources').click();
  await page.getByTestId('source-tab-settings').click();
  await expect(page).toHaveURL(new RegExp(`#/sources/${shop.id}/settings$`));
  await page.goBack();
  await expect(page.getByTestId('source-panel-mappings')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('page-log')).toBeVisible();
  await page.goForward();
  await page.goForward();
  await expect(page.getByTestId('source-panel-settings')).toBeVisible();

  // A deep link, in the same tab (the access token stays for the tab's session).
  await page.goto(new URL(`/#/settings`, host.uiUrl).toString());
  await expect(page.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page');
  await page.goto(new URL(`/#/sources/${shop.id}/logs`, host.uiUrl).toString());
  await expect(page.getByTestId('source-panel-logs')).toBeVisible();
});

test('a first source starts in the gallery, where Custom is one of the cards; payload text shows hidden characters', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const favicon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '');
  expect((await fetch(favicon)).status).toBe(200);

  await page.getByTestId('create-first-source').click();
  await expect(page.getByTestId('page-gallery')).toBeVisible();
  await expect(page).toHaveURL(/#\/integrations$/);
  await page.getByTestId('template-card-custom').click();
  await page.getByTestId('source-key-input').fill('plain');
  await page.getByTestId('create-source').click();
  await expect(page.getByTestId('source-detail')).toHaveAttribute('data-source-key', 'plain');

  const source = (await callApi(host, 'sources.list', {}))[0]!;
  await callApi(host, 'events.import', {
    sourceId: source.id,
    environment: 'development',
    items: [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'invoice\u202Efdp.exe' }), bodyEncoding: 'utf8', query: '' }],
  });
  const log = await app.goToLog();
  await expect(log.rows.first().getByTestId('event-type')).toHaveText('invoice⟨U+202E⟩fdp.exe');
  await log.rows.first().click();
  await expect(page.getByTestId('body-view')).toContainText('invoice⟨U+202E⟩fdp.exe');
});
