import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';

test('rotating the URL token retires the old URL; settings and secrets persist', async ({ page, host }, testInfo) => {
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const sources = await app.goToSources();
  await expect(page.getByTestId('sources-empty')).toContainText('No sources yet');

  await sources.createCustomSource('github-app');
  await sources.choosePreset('GitHub');
  await sources.addSecret('a-github-webhook-secret');
  await page.getByTestId('toggle-enforce').check({ force: true });
  await expect(page.getByTestId('toggle-enforce')).toBeChecked();

  // Enforcement and the secret are stored in the core, not just shown. The switch shows its new
  // state while the save is in flight, so wait for the core to have it.
  const development = async () => (await callApi(host, 'sources.list', {}))[0]!.settings.find((s) => s.environment === 'development')!;
  await expect.poll(async () => (await development()).enforceVerification).toBe(true);
  const dev = await development();
  expect(dev.verification.scheme).toBe('hmac');
  expect(dev.secrets).toHaveLength(1);
  expect(JSON.stringify(dev.secrets)).not.toContain('a-github-webhook-secret');

  // Rotate, after confirming; the old URL stops working at once.
  const oldUrl = await sources.endpointUrl('development');
  await page.getByTestId('rotate-token').click();
  await page.getByTestId('rotate-token-confirm').click();
  await expect(page.getByTestId('endpoint-url-development')).not.toHaveText(oldUrl);
  const newUrl = await sources.endpointUrl('development');
  expect((await fetch(oldUrl, { method: 'POST', body: '{}' })).status).toBe(404);
  expect((await fetch(newUrl, { method: 'POST', body: '{}' })).status).toBe(401);

  // Removing the only secret asks first.
  await page.getByTestId('secret-item').getByRole('button', { name: 'Remove' }).click();
  await page.getByTestId('secret-item').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('no-secrets')).toBeVisible();

  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
});
