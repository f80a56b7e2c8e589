import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { callApi } from '../fixtures/control-api';
import { startHost } from '../fixtures/host-process';

test('a bad flag is refused with a message and exit code 2', () => {
  const result = spawnSync(process.execPath, ['out/main/serve.js', '--receiver-port', 'eighty'], { encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--receiver-port expects a port number');
  expect(result.stderr).toContain('Usage:');
});

test('SIGTERM right after a webhook is acknowledged exits 0 and keeps the event', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'inlet-e2e-cli-'));
  try {
    const first = await startHost({ dataDir });
    const source = await callApi(first, 'sources.create', { key: 'durable' });
    const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
    const res = await fetch(`${first.receiverUrl}/in/${token}`, { method: 'POST', body: JSON.stringify({ type: 'kept.after.stop' }) });
    expect(res.status).toBe(200);
    expect(await first.stop()).toBe(0);

    const second = await startHost({ dataDir });
    try {
      const page = await callApi(second, 'events.list', { environment: 'development' });
      expect(page.items.map((e) => e.eventType)).toEqual(['kept.after.stop']);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
