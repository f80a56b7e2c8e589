import { expect, type Locator, type Page } from '@playwright/test';

export class SourcesPage {
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.detail = page.getByTestId('source-detail');
  }

  async createCustomSource(key: string, name?: string): Promise<void> {
    // New sources start in the gallery; Custom is one of its cards.
    await this.page.getByTestId('new-source').click();
    await this.page.getByTestId('template-card-custom').click();
    await this.page.getByTestId('source-key-input').fill(key);
    if (name) await this.page.getByTestId('source-name-input').fill(name);
    await this.page.getByTestId('create-source').click();
    await expect(this.detail).toHaveAttribute('data-source-key', key);
  }

  /** Picks the verification preset whose name contains `name` (e.g. "Stripe"). */
  async choosePreset(name: string): Promise<void> {
    const select = this.page.getByTestId('verification-preset');
    const option = select.locator('option', { hasText: name }).first();
    const value = await option.getAttribute('value');
    if (value === null) throw new Error(`no verification preset named like "${name}"`);
    await select.selectOption(value);
    await expect(select).toHaveValue(value);
  }

  async addSecret(secret: string): Promise<void> {
    const before = await this.page.getByTestId('secret-item').count();
    await this.page.getByTestId('secret-input').fill(secret);
    await this.page.getByTestId('add-secret').click();
    await expect(this.page.getByTestId('secret-item')).toHaveCount(before + 1);
    await expect(this.page.getByTestId('secret-input')).toHaveValue('');
  }

  /** The endpoint URL shown for `environment` (as the user would copy it). */
  async endpointUrl(environment: string): Promise<string> {
    const url = this.page.getByTestId(`endpoint-url-${environment}`);
    await expect(url).toHaveText(/\/in\/\S+$/);
    return (await url.textContent())!.trim();
  }
}
