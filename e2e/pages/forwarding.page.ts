import { expect, type Locator, type Page } from '@playwright/test';

/** A source's Forwarding tab: its destinations and what the receiver answers. */
export class ForwardingPage {
  readonly root: Locator;
  readonly destinations: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('forwarding-tab');
    this.destinations = this.root.getByTestId('destination');
  }

  /** Opens the tab of the source already shown. */
  static async open(page: Page): Promise<ForwardingPage> {
    await page.getByTestId('source-tab-forwarding').click();
    const tab = new ForwardingPage(page);
    await expect(tab.root).toBeVisible();
    return tab;
  }

  async addDestination(url: string): Promise<Locator> {
    await this.root.getByTestId('add-destination').click();
    const form = this.root.getByTestId('destination-form');
    await form.getByTestId('destination-url').fill(url);
    await form.getByTestId('save-destination').click();
    await expect(form).toBeHidden();
    return this.destinations.filter({ hasText: url });
  }
}
