import { expect, type Locator, type Page } from '@playwright/test';

/** Log → Import…: paste a captured request or load a file, then replay what was imported. */
export class ImportDialogPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-dialog');
  }

  static async open(page: Page): Promise<ImportDialogPage> {
    await page.getByTestId('import-open').click();
    const dialog = new ImportDialogPage(page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async chooseSource(label: string): Promise<void> {
    await this.root.getByTestId('import-source').selectOption({ label });
  }

  async paste(request: { body: string; headers?: string; query?: string }): Promise<void> {
    await this.root.getByTestId('import-tab-paste').click();
    await this.root.getByTestId('import-body').fill(request.body);
    if (request.headers) await this.root.getByTestId('import-headers').fill(request.headers);
    if (request.query) await this.root.getByTestId('import-query').fill(request.query);
  }

  /** Loads a captures file and waits until it was checked. */
  async chooseFile(name: string, text: string): Promise<void> {
    await this.root.getByTestId('import-tab-file').click();
    await this.root.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(this.root.getByTestId('import-file-result')).toHaveAttribute('data-state', /ready|error/);
  }

  /** Pastes captures (cURL, raw HTTP, JSON Lines…) and waits for their preview. */
  async pasteCaptures(text: string): Promise<void> {
    await this.root.getByTestId('import-tab-file').click();
    await this.root.getByTestId('import-captures-text').fill(text);
    await expect(this.root.getByTestId('import-file-result')).toHaveAttribute('data-state', 'ready');
  }

  /** The previewed requests, one row each (a checkbox picks it). */
  previewEntries(): Locator {
    return this.root.getByTestId('import-preview-entry');
  }

  /** Imports and waits until every chunk was sent. */
  async submit(): Promise<void> {
    await this.root.getByTestId('import-submit').click();
    await expect(this.root.getByTestId('import-progress')).toHaveAttribute('data-state', 'done');
  }

  async replay(mode: 'default' | 'as_is' | 'resign' | 'ignore_verification'): Promise<void> {
    await this.root.getByTestId(`import-replay-mode-${mode}`).click();
    await this.root.getByTestId('import-replay').click();
    await expect(this.root).toBeHidden();
  }
}
