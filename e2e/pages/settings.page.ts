import { expect, type Page } from '@playwright/test';

/** The Settings page: environments, tunnel, retention, notifications. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async setTunnelServer(serverUrl: string, connectAddress: string | null): Promise<void> {
    const section = this.page.getByTestId('settings-tunnel');
    await section.getByTestId('tunnel-serverUrl').fill(serverUrl);
    await section.getByTestId('tunnel-connectAddress').fill(connectAddress ?? '');
    await section.getByTestId('save-tunnel-settings').click();
    await expect(section.getByTestId('tunnel-settings-saved')).toBeVisible();
  }

  async addEnvironment(key: string, name: string): Promise<void> {
    await this.page.getByTestId('new-env-key').fill(key);
    await this.page.getByTestId('new-env-name').fill(name);
    await this.page.getByTestId('create-env').click();
    await expect(this.page.getByTestId(`env-name-${key}`)).toHaveText(name);
  }
}
