import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { GalleryPage } from '../pages/gallery.page';

test('the gallery and its connect dialog work from the keyboard: arrows between cards, focus kept in the dialog, Esc back to the card', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const gallery = await GalleryPage.open(page);

  // From the search box, ↓ enters the grid and → moves along it.
  await gallery.search.focus();
  await page.keyboard.press('ArrowDown');
  await expect(gallery.cards.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const second = gallery.cards.nth(1);
  await expect(second).toBeFocused();
  const templateId = await second.getAttribute('data-template-id');

  // Enter opens its dialog; Tab never leaves it, whichever way.
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('connect-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('connect-submit')).toBeVisible();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }

  // Esc closes it and puts focus back on the card it came from.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(gallery.card(templateId!)).toBeFocused();

  // A search with no match says so.
  await gallery.search.fill('no-such-integration');
  await expect(page.getByTestId('gallery-empty')).toBeVisible();
});
