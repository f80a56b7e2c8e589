import { expect, type Locator, type Page } from '@playwright/test';
import { LogPage } from './log.page';
import { SourcesPage } from './sources.page';

/** The window frame: environment switcher, navigation, live status. */
export class AppPage {
  readonly environment: Locator;
  readonly liveStatus: Locator;

  constructor(readonly page: Page) {
    this.environment = page.getByTestId('env-switcher');
    this.liveStatus = page.getByTestId('live-status');
  }

  /** Opens the UI URL and waits until the app has loaded and the push stream is live. */
  async open(uiUrl: string): Promise<void> {
    await this.page.goto(uiUrl);
    await expect(this.environment).toBeEnabled();
    await expect(this.liveStatus).toHaveAttribute('data-status', 'live');
  }

  async goToSources(): Promise<SourcesPage> {
    await this.page.getByTestId('nav-sources').click();
    return new SourcesPage(this.page);
  }

  async goToLog(): Promise<LogPage> {
    await this.page.getByTestId('nav-log').click();
    return new LogPage(this.page);
  }
}
