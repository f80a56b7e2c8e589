import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';

const THROWING_SCRIPT = `function main({ body }) {
  const kind = body.type;
  throw new Error('cannot handle ' + kind);
}
`;

test('settings: reveal a secret, see a path error at its character, and see the line a script fails on', async ({ page, host }, testInfo) => {
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const sources = await app.goToSources();
  await sources.createCustomSource('billing', 'Billing');

  // A Stripe-style secret is masked, and revealed on request.
  await sources.choosePreset('Stripe');
  await sources.addSecret('whsec_revealme1234567890');
  const secret = page.getByTestId('secret-value');
  await expect(secret).not.toHaveText('whsec_revealme1234567890');
  await page.getByTestId('reveal-secret').click();
  await expect(secret).toHaveText('whsec_revealme1234567890');
  await page.getByTestId('hide-secret').click();
  await expect(secret).not.toHaveText('whsec_revealme1234567890');

  // A typo in the event type path is pointed at, character by character, and cannot be saved.
  await page.getByTestId('event-type-path').fill('body.data[0.type');
  const error = page.getByTestId('event-type-path-error');
  await expect(error).toContainText('expected "]" at 11');
  await expect(error).toHaveAttribute('data-offset', '11');
  await expect(page.getByTestId('event-type-path-error-mark')).toHaveText('.');
  await expect(page.getByTestId('settings-save-bar')).toHaveAttribute('data-state', 'dirty');
  await expect(page.getByTestId('settings-save')).toBeDisabled();
  await page.getByTestId('settings-undo').click();
  await expect(page.getByTestId('event-type-path')).toHaveValue('body.type');

  // A preprocess script that throws: the test shows the error with its line, marked in the editor.
  await page.getByTestId('script-editor-content').click();
  await page.keyboard.insertText(THROWING_SCRIPT);
  await page.getByTestId('script-test-pasted').click();
  await page.getByTestId('script-test-payload').fill('{"type": "invoice.paid"}');
  await page.getByTestId('script-test-run').click();
  await expect(page.getByTestId('script-test-error')).toContainText('cannot handle invoice.paid');
  await expect(page.getByTestId('script-test-error-line')).toHaveText(' on line 3');
  await expect(page.getByTestId('script-error-line')).toContainText("throw new Error('cannot handle ' + kind);");

  // The script is a draft until saved.
  await expect(page.getByTestId('settings-save-bar')).toHaveAttribute('data-state', 'dirty');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-save-bar')).toHaveAttribute('data-state', 'saved');

  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
});
