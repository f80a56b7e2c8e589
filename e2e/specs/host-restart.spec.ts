import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { callApi } from '../fixtures/control-api';
import { startHost, type RunningHost } from '../fixtures/host-process';
import { AppPage } from '../pages/app.page';

// This spec manages its own hosts: it stops one and starts another on the same ports and data.
const test = base;

test('the open UI reconnects by itself after the host restarts and shows what arrived meanwhile', async ({ page }, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'inlet-e2e-restart-'));
  let host: RunningHost | undefined;
  try {
    host = await startHost({ dataDir, token: 'restart-spec-token-0123456789' });
    const source = await callApi(host, 'sources.create', { key: 'restart' });
    const url = `${host.receiverUrl}/in/${source.settings.find((s) => s.environment === 'development')!.endpointToken}`;
    const send = (type: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type }) });

    const app = new AppPage(page);
    await app.open(host.uiUrl);
    const log = await app.goToLog();
    expect((await send('before.restart')).status).toBe(200);
    await expect(log.row('before.restart')).toBeVisible();

    const { controlUrl, receiverUrl, token } = host;
    await host.stop();
    await expect(app.liveStatus).toHaveAttribute('data-status', /offline|connecting/);

    host = await startHost({
      dataDir,
      token,
      controlPort: Number(new URL(controlUrl).port),
      receiverPort: Number(new URL(receiverUrl).port),
    });
    expect((await send('after.restart')).status).toBe(200);
    await expect(app.liveStatus).toHaveAttribute('data-status', 'live', { timeout: 20_000 });
    await expect(log.rows.getByTestId('event-type')).toHaveText(['after.restart', 'before.restart']);
    await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
  } finally {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
