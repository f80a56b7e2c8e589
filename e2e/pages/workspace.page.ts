import { expect, type Locator, type Page } from '@playwright/test';

type Tab = 'users' | 'objects' | 'tenants' | 'subscriptions' | 'audiences' | 'workflows' | 'runs';

/** The Workspace page: tabs, search, the virtualised table and the detail drawer. */
export class WorkspacePage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly drawer: Locator;
  readonly search: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('page-workspace');
    this.rows = page.getByTestId('workspace-row');
    this.drawer = page.getByTestId('workspace-drawer');
    this.search = page.getByTestId('workspace-search');
    this.count = page.getByTestId('workspace-count');
  }

  static async open(page: Page): Promise<WorkspacePage> {
    await page.getByTestId('nav-workspace').click();
    const workspace = new WorkspacePage(page);
    await expect(workspace.root).toBeVisible();
    return workspace;
  }

  async showTab(tab: Tab): Promise<void> {
    await this.page.getByTestId(`workspace-tab-${tab}`).click();
    await expect(this.page.getByTestId(`workspace-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  }

  row(key: string): Locator {
    return this.rows.and(this.page.locator(`[data-key="${key}"]`));
  }

  /** The first row whose text contains `text`. */
  rowWith(text: string): Locator {
    return this.rows.filter({ hasText: text }).first();
  }

  async openRow(row: Locator): Promise<void> {
    await row.click();
    await expect(this.drawer).toBeVisible();
  }
}
