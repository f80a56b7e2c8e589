import { expect, type Locator, type Page } from '@playwright/test';

/** The Mappings tab: the list, the editor and the sample payload tree. */
export class MappingEditorPage {
  readonly editor: Locator;
  readonly tree: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('mapping-editor');
    this.tree = page.getByTestId('payload-tree');
    this.items = page.getByTestId('mapping-item');
  }

  async addMapping(eventType: string, actionLabel: string): Promise<void> {
    await this.page.getByTestId('add-mapping').click();
    await this.page.getByTestId('event-type-input').fill(eventType);
    const select = this.page.getByTestId('action-type');
    await select.selectOption({ label: actionLabel });
    await expect(this.editor).toBeVisible();
  }

  param(name: string): Locator {
    return this.page.getByTestId(`param-${name}`);
  }

  /** Focuses a parameter, then clicks the value at `path` in the sample tree to fill it. */
  async fillByClicking(param: string, path: string): Promise<void> {
    await this.param(param).click();
    await this.tree.locator(`[data-testid="tree-node"][data-path="${path.replace(/"/g, '\\"')}"]`).click();
    await expect(this.param(param)).toHaveValue(path);
  }

  /** Moves through the tree with ↓ to the row at `path` and presses Enter (the focused parameter is filled). */
  async fillByKeyboard(path: string): Promise<void> {
    const index = Number(await this.tree.locator(`[data-testid="tree-node"][data-path="${path}"]`).getAttribute('data-index'));
    await this.tree.focus();
    await this.page.keyboard.press('Home');
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown');
    await expect(this.tree.locator('[aria-selected="true"]')).toHaveAttribute('data-path', path);
    await this.page.keyboard.press('Enter');
  }

  /** The ✓/✗ state and the resolved value shown under a parameter. */
  async expectResolved(param: string, value: string): Promise<void> {
    await expect(this.page.getByTestId(`param-${param}-status`)).toHaveAttribute('data-state', 'ok');
    await expect(this.page.getByTestId(`param-${param}-value`)).toHaveText(value);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-mapping').click();
    await expect(this.page.getByTestId('mapping-save-state')).toHaveText('Saved');
  }

  /** Pins `param` as the tree's target with the pick shortcut (Alt+↓); focus moves to the tree. */
  async startPick(param: string): Promise<void> {
    await this.param(param).focus();
    await this.page.keyboard.press('Alt+ArrowDown');
    await expect(this.tree).toBeFocused();
  }

  /** Saves and expects the editor to ask first because every recent event fails. */
  async saveExpectingWarning(): Promise<Locator> {
    await this.page.getByTestId('save-mapping').click();
    const warning = this.page.getByTestId('save-warning');
    await expect(warning).toBeVisible();
    return warning;
  }
}
