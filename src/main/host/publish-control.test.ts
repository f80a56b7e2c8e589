import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client';
import { createCliHttpTransport } from '../../cli/http-transport';
import { startTestCore, type TestCore } from '../core/testing/test-core';
import { CONNECTION_FILE_NAME, readConnectionFile } from './connection-file';
import { publishControl } from './publish-control';

/** The function the desktop app calls after its core starts (Electron itself can't run here). */
let t: TestCore | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('publishControl (the desktop app announcing its control API)', () => {
  it('writes a 0600 control.json an inlet command attaches with, and removes it on quit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inlet-publish-'));
    dirs.push(dir);
    t = await startTestCore({ dir });
    const published = await publishControl(t.core, dir);
    const file = join(dir, CONNECTION_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const info = readConnectionFile(dir);
    expect(info).toEqual({ url: published.url, token: published.token, pid: process.pid, receiverUrl: t.core.receiverUrl });
    expect(published.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // What `inlet` does with the file: the app's own data through its control API.
    await t.call('sources.create', { key: 'from-the-app' });
    const client = createApiClient(createCliHttpTransport(info!.url, info!.token));
    expect((await client.call('sources.list', {})).map((s) => s.key)).toEqual(['from-the-app']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).not.toHaveProperty('secret');

    await published.close();
    expect(existsSync(file)).toBe(false);
    await expect(fetch(`${published.url}/api/sources.list`, { method: 'POST' })).rejects.toThrow();
  });

  it('refuses callers without the token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inlet-publish-'));
    dirs.push(dir);
    t = await startTestCore({ dir });
    const published = await publishControl(t.core, dir);
    try {
      const res = await fetch(`${published.url}/api/sources.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(401);
    } finally {
      await published.close();
    }
  });
});
