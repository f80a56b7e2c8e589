import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import type { InletHost } from '../fixtures/host-process';
import { AppPage } from '../pages/app.page';

/** Seeds `total` events of which `paid` are `invoice.paid`, through `events.import` (fast, no UI). */
async function seed(host: InletHost, total: number, paid: number): Promise<{ sourceId: string; token: string }> {
  const source = await callApi(host, 'sources.create', { key: 'shop' });
  const items = Array.from({ length: total }, (_, i) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: i < paid ? 'invoice.paid' : `order.${i}` }),
    bodyEncoding: 'utf8' as const,
    query: '',
  }));
  for (let at = 0; at < items.length; at += 2000) {
    await callApi(host, 'events.import', { sourceId: source.id, environment: 'development', items: items.slice(at, at + 2000) });
  }
  return { sourceId: source.id, token: source.settings.find((s) => s.environment === 'development')!.endpointToken };
}

const send = async (host: InletHost, token: string, type: string) => {
  const res = await fetch(`${host.receiverUrl}/in/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type }) });
  expect(res.status).toBe(200);
};

test('the log counts every stored event, not the loaded rows, filtered or not, and loads older ones by scrolling', async ({ page, host }, testInfo) => {
  await seed(host, 2013, 405);
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const log = await app.goToLog();
  const count = page.getByTestId('event-count');
  await expect(count).toHaveText('2,013 events · showing 100 in Development');

  // Scrolling to the end brings in the next page: no button to press.
  await log.list.hover();
  await expect(async () => {
    await page.mouse.wheel(0, 4000);
    await expect(count).toHaveText(/showing 200 in/, { timeout: 1000 });
  }).toPass();
  await expect(page.getByTestId('load-more')).toHaveCount(0);

  await page.getByTestId('filter-event-type').fill('invoice.paid');
  await expect(count).toHaveText('405 matching · showing 100 in Development');
  await page.getByTestId('bulk-replay-open').click();
  await expect(page.getByTestId('bulk-replay-question')).toHaveText('Replay 405 events?');
  await testInfo.attach('filtered-count', { body: await page.screenshot(), contentType: 'image/png' });
});

test('a new event does not move the rows being read: it waits behind an "N new" pill, and pause holds arrivals', async ({ page, host }, testInfo) => {
  const { token } = await seed(host, 300, 0);
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const log = await app.goToLog();
  await expect(page.getByTestId('event-count')).toHaveText(/^300 events/);

  // Read further down the list.
  await log.list.evaluate((el) => el.scrollTo({ top: 1200 }));
  await expect.poll(() => log.list.evaluate((el) => el.scrollTop)).toBe(1200);
  const firstInView = async () =>
    log.list.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      const rows = [...el.querySelectorAll<HTMLElement>('[data-testid="event-row"]')].filter((r) => r.getBoundingClientRect().bottom > top + 1);
      return rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]?.dataset.eventId;
    });
  const reading = await firstInView();

  for (const type of ['live.1', 'live.2', 'live.3']) await send(host, token, type);
  const pill = page.getByTestId('new-arrivals');
  await expect(pill).toHaveText('3 new ↑');
  expect(await log.list.evaluate((el) => el.scrollTop)).toBe(1200);
  expect(await firstInView()).toBe(reading);
  await expect(page.getByTestId('event-count')).toHaveText(/^303 events/);
  await testInfo.attach('pill', { body: await page.screenshot(), contentType: 'image/png' });

  await pill.click();
  await expect(log.rows.first().getByTestId('event-type')).toHaveText('live.3');
  await expect.poll(() => log.list.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(pill).toHaveCount(0);

  // Paused at the top, arrivals are held until resumed.
  await page.getByTestId('pause-live').click();
  await send(host, token, 'held.1');
  await expect(page.getByTestId('pause-live')).toHaveText('Resume live (1 waiting)');
  await expect(log.row('held.1')).toHaveCount(0);
  await page.getByTestId('pause-live').click();
  await expect(log.rows.first().getByTestId('event-type')).toHaveText('held.1');
});
