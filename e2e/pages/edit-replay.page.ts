import { expect, type Locator, type Page } from '@playwright/test';

/** The edit-and-replay drawer of the open event: body editor (CodeMirror), headers, query, mode. */
export class EditReplayDrawer {
  readonly root: Locator;
  readonly body: Locator;
  readonly jsonError: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('edit-replay');
    this.body = this.root.getByTestId('body-editor-content');
    this.jsonError = this.root.getByTestId('edit-replay-json-error');
  }

  async open(detail: Locator): Promise<void> {
    await detail.getByTestId('edit-replay-open').click();
    await expect(this.root).toBeVisible();
  }

  /** Replaces the whole body as a user would: select all in the editor, then type over it. */
  async replaceBody(text: string): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(text);
  }

  async submit(): Promise<void> {
    await this.root.getByTestId('edit-replay-submit').click();
    await expect(this.root).toBeHidden();
  }
}
