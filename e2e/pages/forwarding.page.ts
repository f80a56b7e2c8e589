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

  /** Edits a destination through its form; the given fields replace what is there. */
  async editDestination(destination: Locator, change: { url?: string; eventTypes?: string; timeoutSeconds?: string }): Promise<void> {
    await destination.getByTestId('edit-destination').click();
    const form = this.root.getByTestId('destination-form');
    if (change.url !== undefined) await form.getByTestId('destination-url').fill(change.url);
    if (change.eventTypes !== undefined) await form.getByTestId('destination-event-types').fill(change.eventTypes);
    if (change.timeoutSeconds !== undefined) await form.getByTestId('destination-timeout').fill(change.timeoutSeconds);
    await form.getByTestId('save-destination').click();
    await expect(form).toBeHidden();
  }

  /** The receiver answers every event with this status, headers (`Name: value` lines) and body, after `delayMs`. */
  async setFixedAnswer(answer: { status: string; headers: string; body: string; delayMs: string }): Promise<void> {
    const form = this.root.getByTestId('response-form');
    await form.getByTestId('response-mode-fixed').check();
    const fields = form.getByTestId('response-answer');
    await fields.getByTestId('response-answer-status').fill(answer.status);
    await fields.getByLabel('Headers').fill(answer.headers);
    await fields.getByTestId('response-answer-body').fill(answer.body);
    await form.getByTestId('response-delayMs').fill(answer.delayMs);
    await this.saveAnswer();
  }

  /** The receiver answers with the first destination's reply, or this fallback when it fails or is too slow. */
  async setPassthrough(setting: { waitSeconds: string; fallbackStatus: string; fallbackBody: string; delayMs: string }): Promise<void> {
    const form = this.root.getByTestId('response-form');
    await form.getByTestId('response-mode-passthrough').check();
    await form.getByTestId('response-passthroughSeconds').fill(setting.waitSeconds);
    await form.getByTestId('response-fallback-status').fill(setting.fallbackStatus);
    await form.getByTestId('response-fallback-body').fill(setting.fallbackBody);
    await form.getByTestId('response-delayMs').fill(setting.delayMs);
    await this.saveAnswer();
  }

  private async saveAnswer(): Promise<void> {
    const form = this.root.getByTestId('response-form');
    await form.getByTestId('save-response').click();
    await expect(form.getByRole('status')).toHaveText('Saved.');
  }
}
