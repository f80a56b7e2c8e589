import { expect, type Locator, type Page } from '@playwright/test';
import { MappingEditorPage } from './mapping-editor.page';

export type SourceTabName = 'mappings' | 'fields' | 'fixtures' | 'logs' | 'forwarding' | 'settings';

/** One source's page: header, tabs, and the panel of the open tab. */
export class SourcePage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('source-detail');
  }

  async openTab(tab: SourceTabName): Promise<void> {
    await this.page.getByTestId(`source-tab-${tab}`).click();
    await expect(this.page.getByTestId(`source-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await expect(this.page.getByTestId(`source-panel-${tab}`)).toBeVisible();
  }

  async openMappings(): Promise<MappingEditorPage> {
    await this.openTab('mappings');
    return new MappingEditorPage(this.page);
  }

  /** The Logs tab's row for an event id, opened in the detail pane. */
  async openLoggedEvent(eventId: number): Promise<Locator> {
    await this.openTab('logs');
    await this.page.locator(`[data-testid="event-row"][data-event-id="${eventId}"]`).click();
    const detail = this.page.getByTestId('event-detail');
    await expect(detail).toBeVisible();
    return detail;
  }
}
