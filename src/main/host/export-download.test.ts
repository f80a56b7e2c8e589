import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/testing/test-core';
import { createControlServer, type ControlServer } from './http-bridge';
import { EXPORT_DOWNLOAD_PATH } from './export-download';

const TOKEN = 'download-token-0123456789';
let t: TestCore | undefined;
let server: ControlServer | undefined;
afterEach(async () => {
  await server?.close();
  await t?.close();
});

async function start(events: number): Promise<string> {
  t = await startTestCore();
  const { id } = await t.source('shop');
  const items = Array.from({ length: events }, (_, i) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'order', n: i, email: `buyer${i}@shop.example` }) }));
  await t.call('events.import', { sourceId: id, environment: 'development', items });
  server = await createControlServer({ core: t.core, token: TOKEN, port: 0 });
  return id;
}

const download = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${server!.url}${EXPORT_DOWNLOAD_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('POST /api/exports/download', () => {
  it('streams the redacted export as an attachment named for its source and format', async () => {
    const sourceId = await start(1200);
    const res = await download({ format: 'jsonl', filter: { sourceId }, redaction: {} });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="inlet-shop-\d{4}-\d\d-\d\dT\d{6}\.jsonl"$/);
    expect(res.headers.get('content-length')).toBeNull();
    const text = await res.text();
    expect(text.trimEnd().split('\n')).toHaveLength(1201);
    expect(text).not.toMatch(/buyer\d+@shop\.example/);
    expect(text).toContain('redacted-1200@example.com');
  });

  it('refuses a caller without the token, and a page from another origin', async () => {
    const sourceId = await start(1);
    expect((await download({ format: 'har', filter: { sourceId } }, {})).status).toBe(401);
    expect((await download({ format: 'har', filter: { sourceId } }, { authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example' })).status).toBe(403);
  });

  it('answers an invalid input with the contract\'s structured error before any byte of a file', async () => {
    await start(1);
    const res = await download({ format: 'pdf' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [expect.objectContaining({ path: ['format'] })] } });
  });
});
