import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { violations } from '../fixtures/axe';
import { startHost, type RunningHost } from '../fixtures/host-process';
import { AppPage } from '../pages/app.page';
import { CHECK_AT_OPEN_MAX_BYTES } from '../../src/main/core/store/integrity';

/** A database just over the size checked before the host answers, its middle overwritten with noise. */
function damagedLargeDatabase(dir: string): void {
  const file = join(dir, 'inlet.db');
  const db = new Database(file);
  db.exec('CREATE TABLE pad (b BLOB)');
  const insert = db.prepare('INSERT INTO pad (b) VALUES (?)');
  const mib = Math.ceil(CHECK_AT_OPEN_MAX_BYTES / 2 ** 20) + 2;
  db.transaction(() => {
    for (let i = 0; i < mib; i++) insert.run(randomBytes(2 ** 20));
  })();
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(2 ** 20), 0, 2 ** 20, Math.floor(statSync(file).size / 2));
  closeSync(fd);
}

test('damage found after the UI opened shows a banner on every page with the ways out, until dismissed', async ({ page }, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'inlet-e2e-damaged-'));
  let host: RunningHost | undefined;
  try {
    damagedLargeDatabase(dataDir);
    host = await startHost({ dataDir });
    const app = new AppPage(page);
    await app.open(host.uiUrl);

    // The check runs a few seconds after start, in the background: the host answers meanwhile.
    const banner = page.getByRole('alert').filter({ has: page.getByTestId('database-damaged-ways-out') });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText('inlet.db is damaged');
    await expect(page.getByTestId('database-damaged-commands')).toContainText('--start-fresh');
    await expect(page.getByTestId('database-damaged-ways-out')).toContainText('--export-readable <file>');
    await testInfo.attach('banner', { body: await page.screenshot({ path: testInfo.outputPath('banner.png') }), contentType: 'image/png' });
    expect(await violations(page, '[data-testid="database-damaged"]')).toEqual([]);

    await page.getByTestId('nav-settings').click();
    await expect(banner).toBeVisible();
    const dismiss = page.getByTestId('dismiss-database-damaged');
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await expect(banner).toHaveCount(0);
  } finally {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
