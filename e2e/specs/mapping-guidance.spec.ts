import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { SourcePage } from '../pages/source.page';

const invoicePaid = (customer: string) => JSON.stringify({ type: 'invoice.paid', data: { customer, amount: 1200 } });
const signup = (id: string, email: string, name: string) => JSON.stringify({ type: 'user.signed_up', data: { user: { id, email, name } } });
const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

test('a bare workflow key is taken as text, a failing save asks first, and the log says how to fix skipped runs', async ({ page, host }, testInfo) => {
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const sources = await app.goToSources();
  await sources.createCustomSource('billing', 'Billing');
  const url = await sources.endpointUrl('development');
  expect((await post(url, invoicePaid('cus_1'))).status).toBe(200);

  const source = new SourcePage(page);
  const mappings = await source.openMappings();
  await mappings.addMapping('invoice.paid', 'Trigger workflow');

  // Typing the workflow key without quotes offers to use it as text.
  await mappings.param('key').fill('invoice-paid');
  await expect(page.getByTestId('param-key-result')).toContainText('unknown namespace');
  await page.getByTestId('param-key-as-text').click();
  await expect(mappings.param('key')).toHaveValue('"invoice-paid"');
  await expect(page.getByTestId('param-key-status')).toHaveAttribute('data-state', 'ok');
  await mappings.fillByClicking('recipients', 'body.data.customer');
  // Data is required for a trigger, as in Knock's mapping editor.
  await mappings.param('data').fill('body');

  // No workflow "invoice-paid" exists yet, so the captured event fails: saving asks first.
  const warning = await mappings.saveExpectingWarning();
  await expect(warning).toContainText('All 1 recent events fail this mapping');
  await page.screenshot({ path: testInfo.outputPath('save-warning.png') });
  await page.getByTestId('save-anyway').click();
  await expect(page.getByTestId('mapping-save-state')).toHaveText('Saved');

  // The next invoice errors; its run links to the mapping and offers to create the workflow.
  expect((await post(url, invoicePaid('cus_1'))).status).toBe(200);
  const second = (await callApi(host, 'events.list', { environment: 'development', limit: 1 })).items[0]!.id;
  let detail = await source.openLoggedEvent(second);
  await expect(detail.getByTestId('action-run')).toHaveAttribute('data-status', 'error');
  await detail.getByTestId('run-fix-create-workflow').click();
  await expect(detail.getByTestId('run-fix')).toContainText('Created');
  expect((await callApi(host, 'workflows.list', { environment: 'development' })).map((w) => w.key)).toContain('invoice-paid');

  // With the workflow in place, an unknown customer is skipped, and the reason sits by the badge.
  expect((await post(url, invoicePaid('cus_1'))).status).toBe(200);
  const third = (await callApi(host, 'events.list', { environment: 'development', limit: 1 })).items[0]!.id;
  await expect.poll(async () => (await callApi(host, 'events.get', { id: third })).processing).toBe('done');
  detail = await source.openLoggedEvent(third);
  await expect(detail.getByTestId('action-run')).toHaveAttribute('data-status', 'skipped');
  await expect(detail.getByTestId('run-reason')).toBeVisible();
  await expect(detail.getByTestId('run-reason')).toContainText('not identified');
  await expect(detail.getByTestId('run-fix')).toContainText('Identify cus_1 first');
  await page.screenshot({ path: testInfo.outputPath('skipped-reason.png') });

  // "Open mapping" goes back to the mapping that produced the run.
  await detail.getByTestId('run-mapping-link').click();
  await expect(page.getByTestId('source-panel-mappings')).toBeVisible();
  await expect(mappings.param('key')).toHaveValue('"invoice-paid"');
});

test('the key picker offers the workspace’s workflows', async ({ page, host }) => {
  await callApi(host, 'workflows.create', { environment: 'development', key: 'welcome-email' });
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const sources = await app.goToSources();
  await sources.createCustomSource('acme-app');
  const mappings = await new SourcePage(page).openMappings();
  await mappings.addMapping('user.signed_up', 'Trigger workflow');
  await page.getByTestId('param-key-keys').selectOption('welcome-email');
  await expect(mappings.param('key')).toHaveValue('"welcome-email"');
});

test('keyboard fill from the sample goes to the field where the pick started, however focus moved', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const sources = await app.goToSources();
  await sources.createCustomSource('acme-app');
  const url = await sources.endpointUrl('development');
  expect((await post(url, signup('usr_ada', 'ada@example.com', 'Ada Lovelace'))).status).toBe(200);
  const mappings = await new SourcePage(page).openMappings();
  await mappings.addMapping('user.signed_up', 'Identify user');
  await expect(mappings.tree.locator('[data-path="body.data.user.email"]')).toBeVisible();

  // Every parameter has a "pick from sample" control.
  const rows = page.locator('[data-testid^="param-row-"]');
  await expect(page.locator('[data-testid^="param-"][data-testid$="-pick"]')).toHaveCount(await rows.count());

  // The pick starts in Email; focus then passes through other fields on its way to the tree.
  await mappings.startPick('email');
  await mappings.param('name').focus();
  await mappings.param('phone_number').focus();
  await mappings.fillByKeyboard('body.data.user.email');
  await expect(mappings.param('email')).toHaveValue('body.data.user.email');
  await expect(mappings.param('email')).toBeFocused();
  await expect(mappings.param('name')).toHaveValue('');
  await expect(mappings.param('phone_number')).toHaveValue('');
  await mappings.expectResolved('email', '"ada@example.com"');

  // The ⇲ button does the same for a mouse user.
  await page.getByTestId('param-id-pick').click();
  await mappings.fillByKeyboard('body.data.user.id');
  await mappings.expectResolved('id', '"usr_ada"');
});
