import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { SettingsPage } from '../pages/settings.page';

test('settings: environments are added, renamed and deleted (never the last), retention pruned, notifications switched', async ({ page, host }, testInfo) => {
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await page.getByTestId('nav-settings').click();
  const settings = new SettingsPage(page);

  // A key that cannot be used is explained before anything is sent.
  await page.getByTestId('new-env-key').fill('Staging!');
  await expect(page.getByTestId('new-env-key-error')).toContainText('lower-case letters');
  await expect(page.getByTestId('create-env')).toBeDisabled();

  await settings.addEnvironment('staging', 'Staging');
  await expect(app.environment.locator('option')).toHaveText(['Development', 'Production', 'Staging']);
  await page.getByTestId('env-rename-staging').click();
  await page.getByTestId('env-name-input-staging').fill('Pre-production');
  await page.getByTestId('env-save-staging').click();
  await expect(page.getByTestId('env-name-staging')).toHaveText('Pre-production');
  await expect(app.environment.locator('option')).toHaveText(['Development', 'Production', 'Pre-production']);

  // Deleting asks first; the last environment has no delete at all.
  for (const key of ['staging', 'production']) {
    await page.getByTestId(`env-delete-${key}`).click();
    await page.getByTestId(`env-delete-${key}-confirm`).click();
    await expect(page.getByTestId(`env-row-${key}`)).toHaveCount(0);
  }
  await expect(page.getByTestId('env-row-development')).toContainText('Last one');
  await expect(page.getByTestId('env-delete-development')).toHaveCount(0);

  // Retention: an out-of-range value is refused in words; a valid one is saved; pruning reports back.
  await page.getByTestId('retention-days').fill('0');
  await expect(page.getByTestId('settings-retention')).toContainText('A whole number from 1');
  await expect(page.getByTestId('save-retention')).toBeDisabled();
  await page.getByTestId('retention-days').fill('7');
  await page.getByTestId('save-retention').click();
  await expect(page.getByTestId('save-retention')).toBeDisabled();
  await page.getByTestId('prune-now').click();
  await expect(page.getByTestId('prune-status')).toHaveAttribute('data-state', 'finished');
  await expect(page.getByTestId('prune-status')).toContainText('0 events removed');

  // Notifications off, and it stays off after a reload.
  const notifications = page.getByTestId('notifications-enabled');
  await page.getByText('Notify on failures').click();
  await expect(notifications).not.toBeChecked();
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('notifications-enabled')).not.toBeChecked();
  await expect(page.getByTestId('retention-days')).toHaveValue('7');

  // The page scrolls inside the window, so a tall window shows all of it.
  await page.setViewportSize({ width: 1400, height: 1500 });
  await testInfo.attach('settings-light', { body: await page.screenshot({ path: testInfo.outputPath('settings-light.png') }), contentType: 'image/png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('settings-dark.png') }), contentType: 'image/png' });
});
