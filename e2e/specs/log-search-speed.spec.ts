import type { Page } from '@playwright/test';
import { callApi } from '../fixtures/control-api';
import { startHost, type InletHost, type RunningHost } from '../fixtures/host-process';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';

/*
 * How long the log takes from the last key typed into its search box to the matching rows on
 * screen (issue #14: within 300 ms with 1M events stored). With INLET_SEARCH_LOG_DIR pointing at a
 * log built by the bench (BENCH_LOG_DIR=… npm run bench, or bench/pipeline/query-bench.ts alone),
 * the host opens that; otherwise a smaller proxy log is imported here, which checks the
 * measurement and the rows but says little about 1M. The times are reported, not asserted
 * (the machine's load decides them), unless INLET_SEARCH_BUDGET_MS is set.
 */
const LOG_DIR = process.env.INLET_SEARCH_LOG_DIR;
const PROXY_EVENTS = 6_000;
const BUDGET_MS = Number(process.env.INLET_SEARCH_BUDGET_MS) || Infinity;
const RUNS = 3;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Stripe-like bodies with the words, emails and ids the bench's log has. */
async function seedProxy(host: InletHost): Promise<void> {
  const source = await callApi(host, 'sources.create', { key: 'stripe' });
  const words = ['invoice', 'payment', 'customer', 'subscription', 'refund', 'charge', 'trial', 'upgrade', 'cancel', 'renewal'];
  for (let at = 0; at < PROXY_EVENTS; at += 2000) {
    const items = Array.from({ length: 2000 }, (_, j) => {
      const i = at + j;
      const body = { id: `evt_${i.toString(36).padStart(8, '0')}`, type: 'invoice.paid', data: { object: { email: `user${i}@example.com`, description: `${words[i % 10]} note ${i}` } } };
      return { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), bodyEncoding: 'utf8' as const, query: '' };
    });
    await callApi(host, 'events.import', { sourceId: source.id, environment: 'development', items });
  }
}

/** Types `text` as a user would and returns the ms from its last key until the expected first row shows. */
async function typeAndTime(page: Page, text: string, firstId: number | null): Promise<number> {
  const box = page.getByTestId('log-search');
  await box.fill('');
  await expect(page.getByTestId('log-searching')).toHaveText('');
  // The unfiltered total is counted after a pause; typing starts once it is in.
  await expect(page.getByTestId('event-count')).toHaveText(/events/);
  await page.evaluate(() => {
    const w = window as unknown as { lastKeyAt: number; keyHooked?: boolean };
    w.lastKeyAt = 0;
    if (w.keyHooked) return;
    w.keyHooked = true;
    document.querySelector('[data-testid="log-search"]')?.addEventListener('keydown', () => (w.lastKeyAt = performance.now()), true);
  });
  await box.pressSequentially(text, { delay: 70 });
  const handle = await page.waitForFunction(
    (expected) => {
      const searching = document.querySelector('[data-testid="log-searching"]')?.textContent ?? '';
      const first = document.querySelector('[data-testid="event-row"]')?.getAttribute('data-event-id') ?? null;
      const wanted = expected === null ? null : String(expected);
      if (searching !== '' || first !== wanted) return false;
      return performance.now() - (window as unknown as { lastKeyAt: number }).lastKeyAt;
    },
    firstId,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

test('a search answers in the log from the last key typed: a word, an email prefix, an id', async ({ page }, testInfo) => {
  test.setTimeout(LOG_DIR ? 300_000 : 180_000);
  let host: RunningHost | null = null;
  try {
    host = await startHost({ readyTimeoutMs: 120_000, ...(LOG_DIR ? { dataDir: LOG_DIR } : {}) });
    if (!LOG_DIR) await seedProxy(host);
    const stored = await callApi(host, 'events.count', { environment: 'development', cap: 10_000_000 });
    // Start-up as a user sees it: from opening the UI until it answers, then until the log shows rows.
    const opened = Date.now();
    const app = new AppPage(page);
    await app.open(host.uiUrl);
    const usableMs = Date.now() - opened;
    await app.goToLog();
    await expect(page.getByTestId('event-row').first()).toBeVisible({ timeout: LOG_DIR ? 60_000 : 10_000 });
    const startup = { uiUsableMs: usableMs, logRowsMs: Date.now() - opened };

    const k = LOG_DIR ? 618_031 : 4_321;
    const searches = { word: 'renewal', emailPrefix: `user${k}@exa`, id: `evt_${k.toString(36).padStart(8, '0')}` };
    const timings: Record<string, number[]> = {};
    for (const [name, text] of Object.entries(searches)) {
      // What the host answers for it is what the rows must show first.
      const expected = await callApi(host, 'events.list', { environment: 'development', search: text, limit: 1 });
      if (name !== 'word') expect(expected.items.length, `${name} finds its event`).toBe(1);
      timings[name] = [];
      for (let run = 0; run < RUNS; run++) timings[name].push(Math.round(await typeAndTime(page, text, expected.items[0]?.id ?? null)));
    }
    const report = { storedInDevelopment: stored, logDir: LOG_DIR ?? `proxy of ${PROXY_EVENTS} imported events`, startup, lastKeyToRowsMs: timings };
    console.log(`log search speed: ${JSON.stringify(report)}`);
    await testInfo.attach('log-search-speed.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
    for (const runs of Object.values(timings)) expect(median(runs)).toBeLessThan(BUDGET_MS);
  } finally {
    await host?.stop();
  }
});
