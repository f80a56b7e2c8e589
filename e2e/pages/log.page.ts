import { expect, type Locator, type Page } from '@playwright/test';

export class LogPage {
  readonly list: Locator;
  readonly rows: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('event-list');
    this.rows = page.getByTestId('event-row');
    this.detail = page.getByTestId('event-detail');
  }

  /** The row whose event type is exactly `eventType`. */
  row(eventType: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('event-type').getByText(eventType, { exact: true }) });
  }

  async open(eventType: string): Promise<void> {
    await this.row(eventType).click();
    await expect(this.detail.getByTestId('detail-event-type')).toHaveText(eventType);
  }

  /** A header row of the detail's headers table. */
  header(name: string): Locator {
    return this.detail.getByTestId('headers-table').locator('tr', { has: this.page.locator('th', { hasText: new RegExp(`^${name}$`) }) });
  }
}
