import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Configuration: export to a file, import a file and read its report. */
export class ConfigurationPage {
  readonly root: Locator;
  readonly report: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings-configuration');
    this.report = page.getByTestId('config-import-report');
  }

  static async open(page: Page): Promise<ConfigurationPage> {
    await page.getByTestId('nav-settings').click();
    const config = new ConfigurationPage(page);
    await expect(config.root).toBeVisible();
    return config;
  }

  /** Exports and returns the downloaded file's name and text. */
  async export(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.root.getByTestId('config-export-run').click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  async import(name: string, text: string, onConflict: 'skip' | 'rename' = 'skip'): Promise<void> {
    await this.root.getByTestId('config-import-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(this.root.getByTestId('config-import-ready')).toBeVisible();
    await this.root.getByTestId(`config-conflict-${onConflict}`).check();
    await this.root.getByTestId('config-import-run').click();
    await expect(this.report).toBeVisible();
  }
}
