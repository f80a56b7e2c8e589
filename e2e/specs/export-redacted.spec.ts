import { readFileSync } from 'node:fs';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { ExportDialogPage } from '../pages/export-dialog.page';

const CUSTOMERS = ['ada.lovelace@analytical.example', 'grace@cobol.example', 'alan.turing@bletchley.example'];
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

test('export the log redacted: preview every change, then download a file with no customer email in it', async ({ page, host }, testInfo) => {
  test.setTimeout(90_000);
  const source = await callApi(host, 'sources.create', { key: 'shop', name: 'Shop' });
  const url = `${host.receiverUrl}/in/${source.settings.find((s) => s.environment === 'development')!.endpointToken}`;
  for (const [i, email] of CUSTOMERS.entries()) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer tok_live_${i}abcdefgh`, 'x-tenant': `tenant-${i}`, 'x-contact': CUSTOMERS[0]! },
      body: JSON.stringify({ type: 'order.placed', order: i, customer: { email, card: '4242 4242 4242 4242' } }),
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
});
