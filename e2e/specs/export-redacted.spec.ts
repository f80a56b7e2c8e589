import { readFileSync } from 'node:fs';
import { violations } from '../fixtures/axe';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { ExportDialogPage } from '../pages/export-dialog.page';
import { ImportDialogPage } from '../pages/import-dialog.page';

const CUSTOMERS = ['ada.lovelace@analytical.example', 'grace@cobol.example', 'alan.turing@bletchley.example'];
const REDACTED_TIP = 'Values were replaced when this was exported; a provider signature can’t verify — re-sign to replay.';
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

test('export the log redacted: preview every change, then download a file with no customer email in it', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000);
  const source = await callApi(host, 'sources.create', { key: 'shop', name: 'Shop' });
  // The customers are identified too, so a bundle with the workspace snapshot has users to carry.
  await callApi(host, 'mappings.create', {
    sourceId: source.id, eventType: 'order.placed', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.customer.id', email: 'body.customer.email' },
  });
  const url = `${host.receiverUrl}/in/${source.settings.find((s) => s.environment === 'development')!.endpointToken}`;
  for (const [i, email] of CUSTOMERS.entries()) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer tok_live_${i}abcdefgh`, 'x-tenant': `tenant-${i}`, 'x-contact': CUSTOMERS[0]! },
      body: JSON.stringify({ type: 'order.placed', order: i, customer: { id: `cus_${i}`, email, card: '4242 4242 4242 4242' } }),
    });
    expect(res.status).toBe(200);
  }

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const log = await app.goToLog();
  await expect(log.rows).toHaveCount(3);

  const dialog = new ExportDialogPage(page);
  await dialog.open();
  await dialog.chooseFormat('jsonl');
  await dialog.addHeaderRule('x-tenant');
  // The preview shows each replacement before anything is saved; the same email, the same placeholder.
  await expect(dialog.change(CUSTOMERS[0]!).first()).toContainText('redacted-1@example.com');
  await expect(dialog.change('tenant-0')).toContainText('redacted-');
  await expect(dialog.change('4242 4242 4242 4242').first()).toContainText('0000 0000 0000 0001');
  await expect(dialog.root.getByTestId('export-preview-total')).toContainText('of 3');
  await testInfo.attach('export-preview', { body: await page.screenshot({ path: testInfo.outputPath('export-preview.png') }), contentType: 'image/png' });

  const download = await dialog.save();
  expect(download.suggestedFilename()).toMatch(/^inlet-log-development-.*\.jsonl$/);
  const file = testInfo.outputPath('export.jsonl');
  await download.saveAs(file);
  await expect(dialog.status).toHaveAttribute('data-state', 'done');
  await expect(dialog.status).toContainText('Saved 3 event(s)');

  const text = readFileSync(file, 'utf8');
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatchObject({ inlet: { format: 'jsonl', source: null, environment: 'development' } });
  expect((text.match(EMAIL) ?? []).filter((e) => !e.endsWith('@example.com'))).toEqual([]);
  for (const secret of [...CUSTOMERS, 'tok_live_', 'tenant-', '4242 4242']) expect(text).not.toContain(secret);
  expect(lines.slice(1).every((l) => l.redacted === true)).toBe(true);

  // A bundle with the workspace snapshot (offered with the bundle format only, off by default): the
  // identified customers travel too, with the same placeholders as in the events.
  await expect.poll(async () => (await callApi(host, 'workspace.users', { environment: 'development' })).items.length).toBe(3);
  await dialog.chooseFormat('har');
  const withWorkspace = dialog.root.getByTestId('export-workspace');
  await expect(withWorkspace).toHaveCount(0);
  await dialog.chooseFormat('bundle');
  await expect(withWorkspace).not.toBeChecked();
  await expect(withWorkspace).toHaveAccessibleName('Include the workspace snapshot');
  await expect(withWorkspace).toHaveAccessibleDescription(/users, objects, tenants, subscriptions and audiences \(not workflow runs\), redacted like the events/);
  await withWorkspace.focus();
  await page.keyboard.press('Space');
  await expect(withWorkspace).toBeChecked();
  expect(await violations(page, '[data-testid="export-dialog"] .export-dialog__formats')).toEqual([]);
  const bundleFile = testInfo.outputPath('export.inlet-bundle.json');
  await (await dialog.save()).saveAs(bundleFile);
  const bundleText = readFileSync(bundleFile, 'utf8');
  for (const secret of CUSTOMERS) expect(bundleText).not.toContain(secret);
  const bundle = JSON.parse(bundleText) as { redacted: boolean; events: Array<{ body: string }>; workspace: Array<{ environment: string; users: Array<{ id: string; email: string }> }> };
  expect(bundle.redacted).toBe(true);
  const users = bundle.workspace.find((w) => w.environment === 'development')!.users;
  expect(users.map((u) => u.id)).toEqual(['cus_0', 'cus_1', 'cus_2']);
  const inEvents = bundle.events.map((e) => (JSON.parse(e.body) as { customer: { id: string; email: string } }).customer);
  for (const user of users) expect(user.email).toBe(inEvents.find((c) => c.id === user.id)!.email);
  await dialog.root.getByTestId('export-close').click();

  // Imported back, each redacted capture says so: in the import preview and in the log's detail.
  const importer = await ImportDialogPage.open(page);
  await importer.chooseFile('export.inlet-bundle.json', bundleText);
  await expect(importer.previewEntries()).toHaveCount(3);
  await expect(importer.previewEntries().getByTestId('redacted-badge')).toHaveCount(3);
  await expect(importer.previewEntries().first().getByTestId('redacted-badge')).toHaveAttribute('title', REDACTED_TIP);
  await expect(importer.root.getByTestId('import-redacted-note')).toContainText(REDACTED_TIP);
  expect(await violations(page, '[data-testid="import-file-result"]')).toEqual([]);
  await importer.submit();
  await importer.root.getByTestId('import-show-log').click();
  await expect(log.rows).toHaveCount(3);
  await log.rows.first().click();
  const badge = log.detail.getByTestId('redacted-badge');
  await expect(badge).toHaveAttribute('title', REDACTED_TIP);
  await expect(badge).toContainText('redacted: Values were replaced');
  await testInfo.attach('redacted-detail', { body: await page.screenshot({ path: testInfo.outputPath('redacted-detail.png') }), contentType: 'image/png' });
  expect(await violations(page, '[data-testid="event-detail"] .detail__header')).toEqual([]);
});
