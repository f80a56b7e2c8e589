/**
 * Mappings per environment (issue #10, item 4). Knock keeps each environment's mappings apart and
 * ties a trigger to a workflow picked from that environment's list ("Incoming webhooks" and
 * "Custom source" pages). Inlet shares a mapping and lets a parameter be overridden per environment.
 */
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { SourcePage } from '../pages/source.page';

const signup = JSON.stringify({ type: 'user.created', user: { id: 'u_1', name: 'Ada', nickname: 'ada-l' } });
const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: signup });

test('a parameter overridden in Production identifies differently there than in Development', async ({ page, host }, testInfo) => {
  const created = await callApi(host, 'sources.create', { key: 'crm', name: 'CRM' });
  const url = (env: string) => `${host.receiverUrl}/in/${created.settings.find((s) => s.environment === env)!.endpointToken}`;
  const [devUrl, prodUrl] = [url('development'), url('production')];
  expect((await post(devUrl)).status).toBe(200);
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.goToSources();
  await page.getByTestId('source-item-crm').click();
  const source = new SourcePage(page);
  const mappings = await source.openMappings();
  await mappings.addMapping('user.created', 'Identify user');
  await mappings.param('id').fill('body.user.id');
  await mappings.param('name').fill('body.user.name');
  await expect(page.getByTestId('param-name-scope')).toHaveText('Same in all environments');
  await mappings.save();

  // Production reads the nickname instead; development keeps the shared name.
  await page.getByTestId('mapping-param-env').selectOption('production');
  await mappings.param('name').fill('body.user.nickname');
  await expect(page.getByTestId('param-name-scope')).toContainText('Overridden in Production');
  await expect(page.getByTestId('param-name-reset')).toBeVisible();
  await mappings.expectResolved('name', '"ada-l"');
  await mappings.save();
  await page.screenshot({ path: testInfo.outputPath('overridden-in-production.png') });
  await page.getByTestId('mapping-param-env').selectOption('');
  await expect(mappings.param('name')).toHaveValue('body.user.name');
  await expect(page.getByTestId('param-name-scope')).toHaveText('Overridden in Production');

  // Sent to each environment's URL, the same event identifies a differently named user.
  expect((await post(devUrl)).status).toBe(200);
  expect((await post(prodUrl)).status).toBe(200);
  const newest = async (environment: string) => {
    const id = (await callApi(host, 'events.list', { environment, limit: 1 })).items[0]!.id;
    await expect.poll(async () => (await callApi(host, 'events.get', { id })).processing).toBe('done');
    return id;
  };
  const devEvent = await newest('development');
  const prodEvent = await newest('production');
  let detail = await source.openLoggedEvent(devEvent);
  await expect(detail.getByTestId('action-run').locator('.run__params')).toContainText('"Ada"');
  await app.environment.selectOption('production');
  detail = await source.openLoggedEvent(prodEvent);
  await expect(detail.getByTestId('action-run').locator('.run__params')).toContainText('"ada-l"');
  await page.screenshot({ path: testInfo.outputPath('production-log.png') });
});

test('rehearsals use each environment’s parameters, and a reset brings Production back to the shared value', async ({ page, host }) => {
  const source = await callApi(host, 'sources.create', { key: 'crm', name: 'CRM' });
  const prodUrl = `${host.receiverUrl}/in/${source.settings.find((s) => s.environment === 'production')!.endpointToken}`;
  await callApi(host, 'mappings.create', {
    sourceId: source.id, eventType: 'user.created', actionType: 'users_identify', activeIn: ['development', 'production'],
    params: { id: 'body.user.id', name: 'body.user.name' }, overrides: { production: { name: 'body.user.nickname' } },
  });
  expect((await post(prodUrl)).status).toBe(200);

  // The same payload, rehearsed in each environment, resolves each one's value.
  const payload = { headers: { 'content-type': 'application/json' }, body: signup, query: '' };
  const rehearse = async (environment: string) =>
    (await callApi(host, 'events.rehearse', { sourceId: source.id, environment, payload })).outcomes[0]!.plan.params.name;
  expect(await rehearse('development')).toBe('Ada');
  expect(await rehearse('production')).toBe('ada-l');

  // The editor's own test run, in Production, runs Production's parameters on Production's event.
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.environment.selectOption('production');
  await app.goToSources();
  await page.getByTestId('source-item-crm').click();
  const mappings = await new SourcePage(page).openMappings();
  await expect(page.getByTestId('param-name-scope')).toHaveText('Overridden in Production');
  await page.getByTestId('rehearse-run').click();
  await expect(page.getByTestId('rehearse-passed')).toHaveText('1 pass');

  // Reset brings Production back to the shared value.
  await page.getByTestId('mapping-param-env').selectOption('production');
  await expect(mappings.param('name')).toHaveValue('body.user.nickname');
  await page.getByTestId('param-name-reset').click();
  await expect(mappings.param('name')).toHaveValue('body.user.name');
  await expect(page.getByTestId('param-name-scope')).toHaveText('Same in all environments');
  await mappings.save();
  expect((await callApi(host, 'mappings.list', { sourceId: source.id }))[0]!.overrides).toBeUndefined();
});

test('a trigger’s workflow is picked from the environment’s list and flagged where it is missing', async ({ page, host }) => {
  await callApi(host, 'workflows.create', { environment: 'development', key: 'welcome' });
  await callApi(host, 'workflows.create', { environment: 'production', key: 'welcome-prod' });
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const sources = await app.goToSources();
  await sources.createCustomSource('signup');
  const mappings = await new SourcePage(page).openMappings();
  await mappings.addMapping('user.created', 'Trigger workflow');
  await page.getByTestId('param-key-keys').selectOption('welcome');
  const warning = page.getByTestId('param-key-unknown-workflow');
  await expect(warning).toContainText('No workflow “welcome” in Production');
  await expect(warning).not.toContainText('in Development');

  // Production's list offers its own workflow; picking it there overrides the key for Production only.
  await page.getByTestId('mapping-param-env').selectOption('production');
  await expect(page.getByTestId('param-key-keys').locator('option')).toContainText(['welcome-prod']);
  await page.getByTestId('param-key-keys').selectOption('welcome-prod');
  await expect(mappings.param('key')).toHaveValue('"welcome-prod"');
  await expect(warning).toBeHidden();

  // Back to the shared key in Production: creating the missing workflow there clears the warning.
  await page.getByTestId('param-key-reset').click();
  await expect(warning).toBeVisible();
  await page.getByTestId('param-key-create-workflow-production').click();
  await expect(warning).toBeHidden();
  expect((await callApi(host, 'workflows.list', { environment: 'production' })).map((w) => w.key)).toContain('welcome');
});
