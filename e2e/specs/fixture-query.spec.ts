import { randomBytes } from 'node:crypto';
import { violations } from '../fixtures/axe';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { SourcePage } from '../pages/source.page';

test('a fixture’s query string is edited from the keyboard and arrives with the signed send, placeholders filled', async ({ page, host }) => {
  test.setTimeout(240_000);
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const stripe = await callApi(host, 'sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { development: secret } });
  await callApi(host, 'fixtures.create', {
    name: 'Paid', sourceId: stripe.id,
    request: { headers: { 'content-type': 'application/json' }, body: '{"id":"evt_1","object":"event","type":"invoice.paid","data":{"object":{"customer":"cus_1"}}}' },
  });

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.goToSources();
  await page.getByTestId('source-item-stripe').click();
  await new SourcePage(page).openTab('fixtures');
  const fixture = page.getByTestId('fixture-Paid');
  await expect(fixture.getByTestId('fixture-query')).toHaveText('none');

  // Esc leaves the query as it was; Enter saves it.
  await fixture.getByTestId('fixture-query-edit').focus();
  await page.keyboard.press('Enter');
  const input = fixture.getByLabel('Query string');
  await expect(input).toBeFocused();
  await page.keyboard.type('dropped=1');
  await page.keyboard.press('Escape');
  await expect(fixture.getByTestId('fixture-query')).toHaveText('none');
  await fixture.getByTestId('fixture-query-edit').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('a=1&b={{uuid}}');
  expect(await violations(page, '[data-testid="fixture-Paid"]')).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(fixture.getByTestId('fixture-query')).toHaveText('?a=1&b={{uuid}}');

  await fixture.getByTestId('fixture-send').click();
  await expect(fixture.getByTestId('send-result')).toHaveAttribute('data-verification', 'verified');
  const [sent] = (await callApi(host, 'events.list', { sourceId: stripe.id, limit: 1 })).items;
  const logged = await callApi(host, 'events.get', { id: sent!.id });
  expect(logged.query).toMatch(/^a=1&b=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(await violations(page, '[data-testid="fixture-Paid"]')).toEqual([]);
});
