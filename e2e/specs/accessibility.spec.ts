import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';

type Theme = 'light' | 'dark';
const THEMES: readonly Theme[] = ['light', 'dark'];
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe's WCAG 2 A/AA rules on what is on screen; returns the violations as readable lines. */
async function audit(page: Page, screen: string, theme: Theme, testInfo: TestInfo): Promise<string[]> {
  await page.emulateMedia({ colorScheme: theme });
  const shot = await page.screenshot({ path: testInfo.outputPath(`${screen}-${theme}.png`), fullPage: true });
  await testInfo.attach(`${screen}-${theme}`, { body: shot, contentType: 'image/png' });
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${screen} (${theme}): ${v.id} [${v.impact ?? '?'}] ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? v.help}`),
  );
}

async function show(page: Page, view: string, ready: string): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
  await expect(page.getByTestId(ready).first()).toBeVisible();
}

test('every main screen passes axe WCAG 2 A/AA in both themes, with screenshots kept', async ({ page, host }, testInfo) => {
  // Twelve axe passes and full-page screenshots take longer than one story.
  test.setTimeout(240_000);
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const found: string[] = [];
  const each = async (screen: string) => {
    for (const theme of THEMES) found.push(...(await audit(page, screen, theme, testInfo)));
  };

  // A first-run Sources screen, before anything exists.
  await each('sources-empty');

  // A source with an event, a workflow and a user, so the other screens show real rows.
  const sources = await app.goToSources();
  await sources.createCustomSource('acme-app', 'Acme app');
  const url = await sources.endpointUrl('development');
  const body = JSON.stringify({ type: 'user.signed_up', data: { user: { id: 'usr_ada', email: 'ada@example.com' } } });
  expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200);
  await callApi(host, 'workflows.create', { environment: 'development', key: 'welcome' });

  await show(page, 'sources', 'source-detail');
  await each('source-page');
  await show(page, 'log', 'event-row');
  await page.getByTestId('event-row').first().click();
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await each('log');
  // The Workspace opens on its (empty) Users tab; then a tab with rows.
  await show(page, 'workspace', 'page-workspace');
  await expect(page.getByTestId('workspace-empty')).toBeVisible();
  await each('workspace-empty');
  await page.getByTestId('workspace-tab-workflows').click();
  await expect(page.getByTestId('workspace-row').first()).toBeVisible();
  await each('workspace');
  await show(page, 'settings', 'nav-settings');
  await each('settings');
  await show(page, 'gallery', 'nav-gallery');
  await each('gallery');

  // Production carries a warning tint and its own colour in the frame and on the URLs.
  await show(page, 'sources', 'source-detail');
  await app.environment.selectOption('production');
  await expect(page.getByTestId('env-switcher-frame')).toHaveAttribute('data-production', 'true');
  await expect(page.getByTestId('env-switcher-frame').getByTestId('env-dot-production')).toHaveAttribute('data-tone', 'red');
  await expect(page.getByTestId('env-dot-development').first()).toHaveAttribute('data-tone', 'green');
  await each('source-page-production');

  await testInfo.attach('axe-violations.txt', { body: found.join('\n') || 'none', contentType: 'text/plain' });
  expect(found).toEqual([]);
});
