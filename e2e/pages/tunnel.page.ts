import { expect, type Locator, type Page } from '@playwright/test';

/** The tunnel control in the window frame, its panel and the URL-changed banner. */
export class TunnelControl {
  readonly control: Locator;
  readonly panel: Locator;
  readonly url: Locator;
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.control = page.getByTestId('tunnel-control');
    this.panel = page.getByTestId('tunnel-panel');
    this.url = page.getByTestId('tunnel-url');
    this.banner = page.getByTestId('tunnel-url-changed');
  }

  async openPanel(): Promise<void> {
    if ((await this.panel.count()) === 0) await this.control.click();
    await expect(this.panel).toBeVisible();
  }

  async start(): Promise<void> {
    await this.openPanel();
    await this.panel.getByTestId('tunnel-start').click();
  }

  async stop(): Promise<void> {
    await this.openPanel();
    await this.panel.getByTestId('tunnel-stop').click();
    await expect(this.control).toHaveAttribute('data-state', 'stopped');
  }

  async expectState(state: 'stopped' | 'starting' | 'up' | 'reconnecting' | 'error', timeout?: number): Promise<void> {
    await expect(this.control).toHaveAttribute('data-state', state, timeout === undefined ? {} : { timeout });
  }

  /** The public URL shown in the panel, once the tunnel is up. */
  async publicUrl(): Promise<string> {
    await this.openPanel();
    await expect(this.url).toHaveText(/^https?:\/\//);
    return (await this.url.textContent())!.trim();
  }
}
