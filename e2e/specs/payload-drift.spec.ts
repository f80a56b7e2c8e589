import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { SourcePage } from '../pages/source.page';

test('when the payload changes shape, the mapping that reads it shows a drift warning; the fields view and completion come from all events', async ({ page, host }, testInfo) => {
  const source = await callApi(host, 'sources.create', { key: 'billing', name: 'Billing' });
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
  await callApi(host, 'mappings.create', {
    sourceId: source.id,
    eventType: 'invoice.paid',
    activeIn: ['development'],
    actionType: 'users_identify',
    params: { id: 'body.customer.id', email: 'body.customer.email' },
  });
  const send = async (body: unknown) => {
    const res = await fetch(`${host.receiverUrl}/in/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  };
  for (let i = 0; i < 5; i++) await send({ type: 'invoice.paid', customer: { id: `cus_${i}`, email: `a${i}@example.com`, ...(i < 4 ? { plan: 'pro' } : {}) } });
  await expect.poll(async () => (await callApi(host, 'shapes.get', { sourceId: source.id, environment: 'development', eventType: 'invoice.paid' }))?.eventCount).toBe(5);

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  await app.goToSources();
  await page.getByTestId('source-item-billing').click();
  const sourcePage = new SourcePage(page);
  await sourcePage.openTab('fields');
  await expect(page.getByTestId('field-row').filter({ hasText: 'body.customer.plan' })).toContainText('present in 80% of 5 events');
  await testInfo.attach('fields', { body: await page.screenshot({ path: testInfo.outputPath('fields.png') }), contentType: 'image/png' });

  const mappings = await sourcePage.openMappings();
  const item = mappings.items.filter({ hasText: 'invoice.paid' });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('mapping-drift')).toHaveCount(0);
  await item.getByRole('button', { name: /invoice\.paid/ }).click();
  await expect(page.locator('#shape-path-options option[value="body.customer.plan"]')).toHaveAttribute('label', 'present in 80% of 5 events');
  await expect(mappings.param('email')).toHaveAttribute('list', 'shape-path-options');

  // The sender renames email to mail and sends ids as numbers.
  for (let i = 0; i < 3; i++) await send({ type: 'invoice.paid', customer: { id: 100 + i, mail: `b${i}@example.com` } });
  const warning = item.getByTestId('mapping-drift');
  await expect(warning).toContainText('body.customer.email has not appeared in the last 3 events');
  await expect(warning).toContainText('body.customer.id changed from string to number');
  await testInfo.attach('drift', { body: await page.screenshot({ path: testInfo.outputPath('drift.png') }), contentType: 'image/png' });
});
