import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Log → Export…: format, redaction rules, the preview of each change, Save. */
export class ExportDialogPage {
  readonly root: Locator;
  readonly changes: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('export-dialog');
    this.changes = this.root.getByTestId('export-preview-change');
    this.status = this.root.getByTestId('export-status');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('export-log-open').click();
    await expect(this.root).toBeVisible();
  }

  async chooseFormat(format: 'jsonl' | 'har' | 'http' | 'bundle'): Promise<void> {
    await this.root.getByTestId(`export-format-${format}`).check();
  }

  async addHeaderRule(name: string): Promise<void> {
    await this.root.getByTestId('export-add-rule').click();
    const rule = this.root.getByTestId('export-rule').last();
    await rule.getByRole('combobox').selectOption('header');
    await rule.getByTestId('export-rule-value').fill(name);
  }

  /** The change row that replaced `before`. */
  change(before: string): Locator {
    return this.changes.filter({ has: this.page.locator('del', { hasText: before }) });
  }

  async save(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.root.getByTestId('export-save').click();
    return download;
  }
}
