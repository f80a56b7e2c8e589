import { randomBytes } from 'node:crypto';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { ConfigurationPage } from '../pages/configuration.page';
import { SourcePage } from '../pages/source.page';

const PASSPHRASE = 'a demo for the road';

test('a redacted bundle carries a demo to a fresh Inlet, where a fixture is sent signed, verified and mapped', async ({ page, host, secondHost }, testInfo) => {
  test.setTimeout(180_000);
  // On the first machine: Stripe with its secret, a mapping, and a paid invoice in the log.
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const stripe = await callApi(host, 'sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { development: secret } });
  await callApi(host, 'mappings.create', {
    sourceId: stripe.id, eventType: 'invoice.paid', actionType: 'users_identify', activeIn: ['development'],
    params: { id: 'body.data.object.customer', email: 'body.data.object.customer_email' },
  });
  const sent = await callApi(host, 'events.sendTest', { sourceId: stripe.id, environment: 'development', sample: { sampleId: 'invoice-paid' } });
  const original = await callApi(host, 'events.get', { id: sent.event.id });
  const email = (JSON.parse(original.bodyText ?? '{}') as { data: { object: { customer_email: string } } }).data.object.customer_email;
  expect(email).toContain('@');

  // Save it as a fixture from the event detail.
  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const log = await app.goToLog();
  await log.open('invoice.paid');
  await log.detail.getByTestId('save-fixture-open').click();
  await log.detail.getByTestId('save-fixture-name').fill('Paid invoice');
  await log.detail.getByTestId('save-fixture-submit').click();
  await expect(log.detail.getByTestId('save-fixture-result')).toContainText('Saved as fixture “Paid invoice”');

  // Export a bundle: redacted, the last events included, secrets sealed with a passphrase.
  const exporter = await ConfigurationPage.open(page);
  await exporter.root.getByTestId('config-export-events').fill('10');
  await exporter.root.getByTestId('config-export-redact').click();
  await exporter.root.getByTestId('config-export-passphrase').fill(PASSPHRASE);
  // With the workspace the mapping made: the identified customer travels too, redacted like the log.
  const withWorkspace = exporter.root.getByTestId('config-export-workspace');
  await expect(withWorkspace).toHaveAccessibleName(/^Include the workspace \(1 user, 0 objects/);
  await withWorkspace.check();
  const { name, text } = await exporter.export();
  expect(name).toMatch(/^inlet-bundle-\d{4}-\d{2}-\d{2}\.json$/);
  expect(text).not.toContain(email);
  expect(text).not.toContain(secret);
  const bundle = JSON.parse(text) as {
    redacted: boolean; fixtures: Array<{ name: string }>; events: Array<{ body: string }>; sealed?: unknown;
    workspace: Array<{ environment: string; users: Array<{ email: string }> }>;
  };
  expect(bundle).toMatchObject({ redacted: true, fixtures: [{ name: 'Paid invoice' }] });
  expect(bundle.events).toHaveLength(1);
  expect(bundle.sealed).toBeDefined();
  const placeholder = (JSON.parse(bundle.events[0]!.body) as { data: { object: { customer_email: string } } }).data.object.customer_email;
  expect(bundle.workspace.find((w) => w.environment === 'development')?.users.map((u) => u.email)).toEqual([placeholder]);

  // On a fresh machine: the preview lists what will be created; import with the passphrase.
  await app.open(secondHost.uiUrl);
  const importer = await ConfigurationPage.open(page);
  await importer.root.getByTestId('config-import-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(importer.root.getByTestId('bundle-item-source:stripe')).toContainText('new');
  await expect(importer.root.getByTestId('bundle-item-fixture:stripe/Paid invoice')).toBeVisible();
  await expect(importer.root.getByTestId('bundle-item-workspace:development')).toContainText('Workspace of development: 1 user, 0 objects');
  await testInfo.attach('bundle-preview', { body: await page.screenshot({ path: testInfo.outputPath('bundle-preview.png') }), contentType: 'image/png' });
  await importer.root.getByTestId('config-import-passphrase').fill(PASSPHRASE);
  await importer.root.getByTestId('config-import-run').click();
  await expect(importer.report.getByTestId('config-report-created')).toContainText('stripe');
  await expect(importer.report.getByTestId('config-report-summary')).toContainText('1 fixtures, 1 events');
  await expect(importer.report.getByTestId('config-report-workspace')).toContainText('1 users');
  expect((await callApi(secondHost, 'workspace.users', { environment: 'development' })).items.map((u) => u.email)).toEqual([placeholder]);

  // The fixture, sent from the source page, arrives signed with the secret that travelled sealed, and is mapped.
  await app.goToSources();
  await page.getByTestId('source-item-stripe').click();
  const source = new SourcePage(page);
  await source.openTab('fixtures');
  const fixture = page.getByTestId('fixture-Paid invoice');
  await fixture.getByTestId('fixture-send').click();
  const result = fixture.getByTestId('send-result');
  await expect(result).toHaveAttribute('data-verification', 'verified');
  await expect(result).toHaveAttribute('data-actions', 'success');
  await testInfo.attach('fixture-sent', { body: await page.screenshot({ path: testInfo.outputPath('fixture-sent.png') }), contentType: 'image/png' });
  const users = await callApi(secondHost, 'workspace.users', { environment: 'development' });
  const customer = (JSON.parse(original.bodyText ?? '{}') as { data: { object: { customer: string } } }).data.object.customer;
  expect(users.items.map((u) => u.id)).toContain(customer);

  // The same file again: the report names the user already here by id, and says it was kept.
  const again = await ConfigurationPage.open(page);
  await again.report.getByTestId('config-report-done').click();
  await again.import(name, text, { passphrase: PASSPHRASE });
  await expect(again.report.getByTestId('config-report-workspace-conflicts')).toHaveText(`1 user already existed: ${customer} — kept as they were here`);
});
