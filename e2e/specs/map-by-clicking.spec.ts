import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { SourcePage } from '../pages/source.page';

const signup = (id: string, email: string, name: string) =>
  JSON.stringify({ type: 'user.signed_up', created_at: '2026-11-26T10:00:00Z', data: { user: { id, email, name, plan: 'pro' } } });

const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

test('a mapping built by clicking values in a captured event identifies the next user', async ({ page, host }, testInfo) => {
  const app = new AppPage(page);
  await app.open(host.uiUrl);

  // The developer creates a custom source and copies its development URL.
  const sources = await app.goToSources();
  await sources.createCustomSource('acme-app', 'Acme app');
  const url = await sources.endpointUrl('development');

  // Their app sends a first signup event.
  expect((await post(url, signup('usr_ada', 'ada@example.com', 'Ada Lovelace'))).status).toBe(200);

  // On the Mappings tab they add "Identify user" for that event type; the event is the sample.
  const source = new SourcePage(page);
  const mappings = await source.openMappings();
  await mappings.addMapping('user.signed_up', 'Identify user');
  await expect(mappings.tree.locator('[data-path="body.data.user.email"]')).toContainText('"ada@example.com"');
  await expect(page.getByTestId('param-id-status')).toHaveAttribute('data-state', 'error');

  // Clicking values in the payload tree fills the focused parameters with their paths.
  await mappings.fillByClicking('id', 'body.data.user.id');
  await mappings.expectResolved('id', '"usr_ada"');
  await mappings.fillByClicking('email', 'body.data.user.email');
  await mappings.expectResolved('email', '"ada@example.com"');

  // The keyboard works too: Enter on the active tree row fills the focused parameter.
  await mappings.param('name').click();
  await mappings.fillByKeyboard('body.data.user.name');
  await mappings.expectResolved('name', '"Ada Lovelace"');
  await page.screenshot({ path: testInfo.outputPath('mapping-editor-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('mapping-editor-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await mappings.save();
  await expect(mappings.items).toHaveCount(1);
  await expect(mappings.items.first()).toContainText('user.signed_up');

  // Testing against the logged events: the one captured signup would pass.
  await page.getByTestId('rehearse-run').click();
  await expect(page.getByTestId('rehearse-passed')).toHaveText('1 pass');

  // The next signup runs through the saved mapping.
  const second = await post(url, signup('usr_grace', 'grace@example.com', 'Grace Hopper'));
  expect(second.status).toBe(200);
  const { items } = await callApi(host, 'events.list', { environment: 'development', limit: 1 });
  const eventId = items[0]!.id;

  // Its log detail shows the action run succeeded with the resolved parameters.
  const detail = await source.openLoggedEvent(eventId);
  const run = detail.getByTestId('action-run');
  await expect(run).toHaveAttribute('data-status', 'success');
  await expect(run).toContainText('grace@example.com');

  // And the user is in the development workspace.
  const users = await callApi(host, 'workspace.users', { environment: 'development' });
  expect(users.items.map((u) => u.id)).toContain('usr_grace');

  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
});
