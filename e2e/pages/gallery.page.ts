import { expect, type Locator, type Page } from '@playwright/test';

/** The Integrations page: template cards, search and category filter. */
export class GalleryPage {
  readonly search: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('template-search');
    this.cards = page.locator('.template-card');
  }

  static async open(page: Page): Promise<GalleryPage> {
    await page.getByTestId('nav-gallery').click();
    const gallery = new GalleryPage(page);
    await expect(gallery.cards.first()).toBeVisible();
    return gallery;
  }

  card(templateId: string): Locator {
    return this.page.getByTestId(`template-card-${templateId}`);
  }

  async openConnect(templateId: string): Promise<ConnectDialog> {
    await this.card(templateId).click();
    const dialog = new ConnectDialog(this.page);
    await expect(dialog.root).toBeVisible();
    await expect(dialog.root.getByTestId('mapping-toggles').or(dialog.root.getByText('comes without mappings'))).toBeVisible();
    return dialog;
  }
}

/** The connect dialog, then its "connected" step with the samples. */
export class ConnectDialog {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('connect-dialog');
  }

  mappingToggle(mappingId: string): Locator {
    return this.root.getByTestId(`mapping-toggle-${mappingId}`);
  }

  /** Leaves exactly `ids` switched on. */
  async keepMappings(ids: readonly string[]): Promise<void> {
    const toggles = this.root.locator('[data-testid^="mapping-toggle-"]');
    for (const toggle of await toggles.all()) {
      const id = (await toggle.getAttribute('data-testid'))!.replace('mapping-toggle-', '');
      await toggle.setChecked(ids.includes(id), { force: true });
    }
    for (const id of ids) await expect(this.mappingToggle(id)).toBeChecked();
  }

  async setSecret(environment: string, secret: string): Promise<void> {
    await this.root.getByTestId(`secret-input-${environment}`).fill(secret);
  }

  secretCheck(environment: string): Locator {
    return this.root.getByTestId(`secret-field-${environment}`);
  }

  async connect(): Promise<void> {
    await this.root.getByTestId('connect-submit').click();
    await expect(this.root.getByTestId('connected-step')).toBeVisible();
  }

  /** Sends one sample with one click; resolves once the receiver has answered. */
  async sendSample(sampleId: string): Promise<Locator> {
    const item = this.root.getByTestId(`sample-${sampleId}`);
    await item.getByTestId(`send-sample-${sampleId}`).click();
    const result = item.getByTestId('send-result');
    await expect(result).toBeVisible();
    return result;
  }
}
