import { expect, type Locator, type Page } from '@playwright/test';
import { LogPage } from './log.page';

/** The log with its tools: search, filters, replay, bulk replay, copy as cURL. */
export class LogToolsPage extends LogPage {
  readonly search: Locator;
  readonly bulk: Locator;
  readonly comparison: Locator;

  constructor(page: Page) {
    super(page);
    this.search = page.getByTestId('log-search');
    this.bulk = page.getByTestId('bulk-replay');
    this.comparison = page.getByTestId('replay-comparison');
  }

  async filterVerification(value: 'verified' | 'failed' | 'unverified' | ''): Promise<void> {
    await this.page.getByTestId('filter-verification').selectOption(value);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByTestId('clear-filters').click();
    await expect(this.search).toHaveValue('');
  }

  /** Opens the row of event `id` (rows carry their event id). */
  async openId(id: number): Promise<void> {
    await this.rows.and(this.page.locator(`[data-event-id="${id}"]`)).click();
    await expect(this.detail).toHaveAttribute('data-event-id', String(id));
  }

  async replayOpenEvent(mode: 'as_is' | 'ignore_verification'): Promise<void> {
    await this.detail.getByTestId(`replay-mode-${mode}`).click();
    await this.detail.getByTestId('replay-event').click();
  }

  /** Starts a bulk replay after the question names how many events it will replay. */
  async bulkReplay(mode: 'default' | 'as_is' | 'resign' | 'ignore_verification', question?: string): Promise<void> {
    await this.page.getByTestId('bulk-replay-open').click();
    if (question) await expect(this.page.getByTestId('bulk-replay-question')).toHaveText(question);
    await this.page.getByTestId(`bulk-replay-mode-${mode}`).click();
    await this.page.getByTestId('bulk-replay-start').click();
  }

  /** The cURL command of the open event, as the page shows it. */
  async curlCommand(): Promise<string> {
    await this.detail.getByTestId('show-curl').click();
    const pre = this.detail.getByTestId('curl-command');
    await expect(pre).toContainText('curl ');
    return (await pre.textContent())!;
  }
}
