import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { violations } from '../fixtures/axe';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { ImportDialogPage } from '../pages/import-dialog.page';
import { LogToolsPage } from '../pages/log-tools.page';

const stripe = new Stripe('sk_test_e2e_not_a_real_key');
const SECRET = `whsec_bulk_${randomBytes(12).toString('hex')}`;

/** A Stripe event body and its signature header, made by Stripe's SDK `minutesAgo` minutes ago. */
function signed(id: string, minutesAgo: number): { payload: string; signature: string } {
  const payload = JSON.stringify({ id, object: 'event', type: 'invoice.paid', data: { object: { object: 'invoice', customer: 'cus_1', amount_paid: 2000 } } });
  return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - minutesAgo * 60 }) };
}

test("bulk replay and import replay start on each event's default: the stale Stripe event is re-signed, and the count is said first", async ({ page, host }, testInfo) => {
  test.setTimeout(180_000);
  const shot = async (name: string) => testInfo.attach(name, { body: await page.screenshot({ path: testInfo.outputPath(`${name}.png`) }), contentType: 'image/png' });
  const source = await callApi(host, 'sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { development: SECRET } });
  await callApi(host, 'sources.update', { id: source.id, settings: { development: { enforceVerification: true } } });
  // Two captures: one Stripe signed ten minutes ago (older than its 5-minute tolerance), one just now.
  const old = signed('evt_old', 10);
  const fresh = signed('evt_fresh', 0);
  const { ids } = await callApi(host, 'events.import', {
    sourceId: source.id,
    environment: 'development',
    items: [old, fresh].map((e) => ({ headers: { 'content-type': 'application/json', 'stripe-signature': e.signature }, body: e.payload })),
  });

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.goToLog();
  const log = new LogToolsPage(page);
  await expect(log.rows).toHaveCount(2);

  // The question names the size; the default is each event's own, and the plan says which get re-signed and why.
  await page.getByTestId('bulk-replay-open').click();
  await expect(page.getByTestId('bulk-replay-question')).toHaveText('Replay 2 events?');
  await expect(page.getByTestId('bulk-replay-mode-default')).toHaveAttribute('aria-pressed', 'true');
  const plan = page.getByTestId('bulk-replay-plan');
  await expect(plan).toHaveText('1 of 2 events will be re-signed: its signature is older than Stripe accepts (5 minutes). The other 1 is verified as configured.');
  await shot('bulk-replay-default');
  expect(await violations(page, '[data-testid="bulk-replay-ask"]')).toEqual([]);

  // By keyboard: "verify as configured" warns what it would break; back to the default.
  await page.getByTestId('bulk-replay-mode-as_is').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('bulk-replay-mode-as_is')).toHaveAttribute('aria-pressed', 'true');
  await expect(plan).toHaveText('1 of 2 events would fail verification as configured (the default would re-sign it).');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('bulk-replay-mode-default')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bulk-replay-mode-default')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('bulk-replay-start').click();
  await expect(log.bulk).toHaveAttribute('data-state', 'finished');
  await expect(log.bulk.getByTestId('bulk-replay-count')).toHaveText('2 / 2');

  // Both replays pass verification: the stale one re-signed (Stripe's SDK accepts it), the fresh one as configured.
  const replays = await callApi(host, 'events.list', { origin: 'replay' });
  const byOriginal = new Map(replays.items.map((e) => [e.replayOf, e]));
  expect(byOriginal.get(ids[0]!)).toMatchObject({ replayMode: 'resign', verification: 'verified' });
  expect(byOriginal.get(ids[1]!)).toMatchObject({ replayMode: 'as_is', verification: 'verified' });
  const resigned = await callApi(host, 'events.get', { id: byOriginal.get(ids[0]!)!.id });
  expect(stripe.webhooks.constructEvent(resigned.bodyText!, Object.fromEntries(resigned.headers)['stripe-signature']!, SECRET)).toMatchObject({ id: 'evt_old' });

  // The import dialog's replay offers the same default, and says so before replaying.
  const dialog = await ImportDialogPage.open(page);
  await dialog.chooseSource('Stripe (stripe)');
  const another = signed('evt_pasted', 10);
  await dialog.paste({ body: another.payload, headers: `Content-Type: application/json\nStripe-Signature: ${another.signature}` });
  await dialog.submit();
  await expect(dialog.root.getByTestId('import-replay-mode-default')).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.root.getByTestId('import-replay-plan')).toHaveText('The event will be re-signed: its signature is older than Stripe accepts (5 minutes).');
  // At 1440×900 the four modes sit on one line, none of them broken inside its label, within the dialog.
  await page.setViewportSize({ width: 1440, height: 900 });
  const modes = dialog.root.getByRole('group', { name: 'Verification on replay' });
  const boxes = await Promise.all(['default', 'as_is', 'resign', 'ignore_verification'].map(async (m) => (await dialog.root.getByTestId(`import-replay-mode-${m}`).boundingBox())!));
  const group = (await modes.boundingBox())!;
  for (const box of boxes) expect(box).toMatchObject({ y: boxes[0]!.y, height: boxes[0]!.height });
  expect(group.height).toBeLessThanOrEqual(boxes[0]!.height + 2);
  // Buttons in a row stretch to the tallest, so count each label's lines from its text's boxes.
  const labelLines = await modes.evaluate((g) =>
    [...g.querySelectorAll('button')].map((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
  expect(labelLines).toEqual([1, 1, 1, 1]);
  const body = (await dialog.root.locator('.modal__body').boundingBox())!;
  expect(group.x + group.width).toBeLessThanOrEqual(body.x + body.width);
  // The chosen mode says what it does under them; from the keyboard, the next mode and back.
  const help = dialog.root.getByTestId('import-replay-mode-help');
  await expect(help).toContainText('Re-signs the events whose signature went stale');
  await dialog.root.getByTestId('import-replay-mode-default').focus();
  await page.keyboard.press('Tab');
  await expect(dialog.root.getByTestId('import-replay-mode-as_is')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(help).toContainText('Checks the logged signature as the receiver would now');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(dialog.root.getByTestId('import-replay-mode-default')).toHaveAttribute('aria-pressed', 'true');
  await shot('import-replay-default');
  expect(await violations(page, '[data-testid="import-dialog"] .import-replay')).toEqual([]);
  await dialog.replay('default');
  await expect(log.detail.getByTestId('origin-badge')).toHaveAttribute('data-origin', 'replay');
  await expect(log.comparison.getByTestId('replay-mode')).toHaveAttribute('data-mode', 'resign');
  await expect(log.comparison.getByTestId('compare-verification').locator('[data-side="replay"]')).toContainText('verified');
});
