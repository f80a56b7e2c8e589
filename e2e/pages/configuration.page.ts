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

  /** Imports a file: its preview first (each item and what happens to it), then the report. */
  async import(name: string, text: string, options: { passphrase?: string; choices?: Record<string, string> } = {}): Promise<void> {
    await this.root.getByTestId('config-import-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(this.root.getByTestId('bundle-preview')).toBeVisible();
    if (options.passphrase) await this.root.getByTestId('config-import-passphrase').fill(options.passphrase);
    for (const [ref, action] of Object.entries(options.choices ?? {})) await this.root.getByTestId(`bundle-choice-${ref}`).selectOption(action);
    await this.root.getByTestId('config-import-run').click();
    await expect(this.report).toBeVisible();
  }
}
