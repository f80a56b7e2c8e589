import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import type { Page } from '@playwright/test';
import { AppPage } from '../pages/app.page';

/** About 5 MB of JSON shaped like a real export: many records, some nesting, long strings. */
function fiveMegabytes(): string {
  const items = Array.from({ length: 16_000 }, (_, i) => ({
    id: `item_${i}`,
    amount: i * 100,
    paid: i % 2 === 0,
    customer: { id: `cus_${i}`, email: `person${i}@example.com`, tags: ['a', 'b', 'c'] },
    note: 'x'.repeat(180),
  }));
  return JSON.stringify({ type: 'export.large', data: { items } });
}

// Playwright's trace recorder snapshots the page on every step, on the page's own main thread:
// recorded, its work would be counted here as the app's long tasks.
test.use({ trace: 'off' });

/**
 * Tracks the page's API calls (the push stream aside) from now on; `settled` waits until none has
 * been in flight for half a second. An answer still on its way from the screen before (the source
 * page loads its newest event as a mapping sample) would land in the measured window and be
 * counted against opening the body.
 */
function trackApiCalls(page: Page): { settled(): Promise<void> } {
  const inFlight = new Set<unknown>();
  const counted = (url: string) => url.includes('/api/') && !url.endsWith('/api/events');
  page.on('request', (r) => counted(r.url()) && inFlight.add(r));
  const done = (r: { url(): string }) => inFlight.delete(r);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async settled() {
      let quietSince = Date.now();
      await expect
        .poll(() => {
          if (inFlight.size > 0) quietSince = Date.now();
          return Date.now() - quietSince;
        }, { timeout: 60_000, intervals: [100] })
        .toBeGreaterThanOrEqual(500);
    },
  };
}

/**
 * Waits in the page for `selector` to match, polling every 100 ms. Playwright's retrying expects
 * snapshot the page's accessibility tree at every retry, on the page's main thread: while measuring,
 * that work would be counted as the app's.
 */
function waitInPage(page: Page, selector: string, text?: string): Promise<unknown> {
  return page.waitForFunction(
    ([sel, want]) => {
      const element = document.querySelector(sel!);
      return element !== null && (want === undefined || (element.textContent ?? '').includes(want));
    },
    [selector, text] as const,
    { polling: 100, timeout: 30_000 },
  );
}

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

test('opening a 5 MB body never freezes the page (its longest task is reported), and the body can be downloaded', async ({ page, host }, testInfo) => {
  const source = await callApi(host, 'sources.create', { key: 'big' });
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
  const body = fiveMegabytes();
  expect(body.length).toBeGreaterThan(5_000_000);
  const res = await fetch(`${host.receiverUrl}/in/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(res.status).toBe(200);

  const calls = trackApiCalls(page);
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const log = await app.goToLog();
  await expect(log.row('export.large')).toBeVisible();
  await calls.settled();

  // Only tasks that start after the click count; the observer sees every task over 50 ms.
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks!.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  await log.row('export.large').click();
  const viewSelector = '[data-testid="event-detail"] [data-testid="body-view"][data-format="json"]';
  await waitInPage(page, viewSelector, '"type": "export.large"');
  // Scrolling through the body stays responsive too.
  const view = log.detail.getByTestId('body-view');
  await view.hover();
  await page.mouse.wheel(0, 20_000);
  await waitInPage(page, viewSelector, 'item_');
  // Copying, cURL and edit-and-replay need the whole text: measured until it is here as well.
  await waitInPage(page, '[data-testid="event-detail"] [data-testid="copy-body"]:not([disabled])');
  // Two frames after the last work, so a long task still running is observed before reading.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const tasks = await page.evaluate(() => window.__longTasks ?? []);
  const max = tasks.length === 0 ? 0 : Math.max(...tasks);
  const report = `long tasks after opening a 5 MB body: ${tasks.length === 0 ? 'none over 50 ms' : tasks.join(', ') + ' ms'}; max ${max} ms`;
  console.log(report);
  await testInfo.attach('long-tasks', { body: report, contentType: 'text/plain' });
  await testInfo.attach('large-body', { body: await page.screenshot({ path: testInfo.outputPath('large-body.png') }), contentType: 'image/png' });
  // The freeze this replaced was one 3 s task. Quiet runs see 55-130 ms; the bound leaves room for a
  // loaded machine (a shared CI runner) without letting a freeze through. The figure is reported.
  expect(max).toBeLessThanOrEqual(1_000);
  await expect(view).toContainText('item_');
  await expect(log.detail.getByTestId('copy-body')).toBeEnabled();

  const download = page.waitForEvent('download');
  await log.detail.getByRole('button', { name: 'Download body' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
});

test("a large body the host refuses says it couldn't be loaded (not that it failed to parse), and Retry loads it", async ({ page, host }) => {
  const source = await callApi(host, 'sources.create', { key: 'big' });
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
  const body = JSON.stringify({ type: 'export.refused', data: { note: 'y'.repeat(300_000) } });
  expect((await fetch(`${host.receiverUrl}/in/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200);

  const calls = trackApiCalls(page);
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const log = await app.goToLog();
  await expect(log.row('export.refused')).toBeVisible();
  // The app's own calls are done (a 401 on one of them is the "link no longer valid" page): from
  // now on, the body's call (made by the worker, asking for the text) is refused once, as a stale token would be.
  await calls.settled();
  let refused = 0;
  await page.context().route('**/api/events.get', async (route) => {
    const asked = route.request().postDataJSON() as { body?: string };
    if (asked.body === 'text' && refused === 0) {
      refused += 1;
      return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'missing or wrong token' } }) });
    }
    return route.continue();
  });
  await log.open('export.refused');
  const failed = log.detail.getByTestId('body-load-error');
  await expect(failed).toHaveText(/^Couldn’t load the body: missing or wrong token \(HTTP 401\)/);
  await expect(log.detail.getByTestId('error-notice')).toHaveCount(0);
  await expect(log.detail.getByTestId('parse-error')).toHaveCount(0);
  await failed.getByTestId('body-load-retry').focus();
  await page.keyboard.press('Enter');
  await expect(log.detail.getByTestId('body-view')).toContainText('"type": "export.refused"');
  await expect(failed).toHaveCount(0);
  expect(refused).toBe(1);
});
