import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';

test('a long log shows the newest page first and fetches older events on reaching the end', async ({ page, host }, testInfo) => {
  const source = await callApi(host, 'sources.create', { key: 'bulk' });
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
  for (let i = 1; i <= 130; i++) {
    const res = await fetch(`${host.receiverUrl}/in/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: `bulk.${String(i).padStart(3, '0')}` }),
    });
    expect(res.status).toBe(200);
  }

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const log = await app.goToLog();
  await expect(page.getByTestId('event-count')).toHaveText(/^130 events · showing 100 in/);
  await expect(log.rows.first().getByTestId('event-type')).toHaveText('bulk.130');

  // End jumps to the last loaded row, which brings in the next page.
  await log.list.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('event-count')).toHaveText(/^130 events in/);
  await page.keyboard.press('End');
  await expect(log.row('bulk.001')).toBeVisible();
  await expect(page.getByTestId('load-more')).toHaveCount(0);
  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
});
