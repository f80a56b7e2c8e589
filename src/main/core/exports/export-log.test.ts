import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCapture, type Capture } from '../../../shared/portability/capture-format';
import { coresClosedAfterEach } from '../testing/cores-per-test';
import { exportedLog } from '../testing/exported-log';
import type { TestCore } from '../testing/test-core';
import { SEEDED } from '../redaction/testing/seeded-secrets';
import { Har12Schema } from './testing/har-schema';

const core = coresClosedAfterEach();

/** Three events carrying every seeded secret between them, in bodies, headers and queries. */
async function seedSecrets(t: TestCore): Promise<string> {
  const { id } = await t.source('stripe');
  const items: Capture[] = [
    {
      method: 'POST', bodyEncoding: 'utf8', query: `contact=${encodeURIComponent(SEEDED.email)}`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SEEDED.bearer}`, 'x-forwarded-for': SEEDED.ipv4 },
      body: JSON.stringify({ type: 'customer.created', data: { object: { email: SEEDED.email, phone: SEEDED.phone, card: SEEDED.card, ip: SEEDED.ipv6 } } }),
    },
    {
      method: 'POST', bodyEncoding: 'utf8', query: '',
      headers: { 'content-type': 'application/json', 'x-user': SEEDED.email },
      body: JSON.stringify({ type: 'charge.succeeded', data: { object: { receipt_email: SEEDED.email, billing: SEEDED.email2, number: Number(SEEDED.cardPlain), order: '4242424242424241', mobile: SEEDED.e164, token: SEEDED.jwt } } }),
    },
    {
      method: 'POST', bodyEncoding: 'utf8', query: '',
      headers: { 'content-type': 'text/plain', cookie: `session=${SEEDED.testKey}` },
      body: `keys: ${SEEDED.stripeKey} ${SEEDED.restricted} ${SEEDED.whsec} ${SEEDED.slack} ${SEEDED.github}; reach ${SEEDED.email} at ${SEEDED.ipv4}`,
    },
  ];
  await t.call('events.import', { sourceId: id, environment: 'development', items });
  return id;
}

/** Every seeded value in the forms an export could carry it: as is, JSON-escaped, URL-encoded, any case. */
function survivors(text: string): string[] {
  const lower = text.toLowerCase();
  return Object.entries(SEEDED)
    .flatMap(([name, v]) => [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v)].map((form) => [name, form] as const))
    .concat([['cardPlain digits', SEEDED.cardPlain], ['card digits', SEEDED.card.replace(/ /g, '')]])
    .filter(([, form]) => lower.includes(form.toLowerCase()))
    .map(([name]) => name);
}

describe('log export with redaction', () => {
  it.each(['jsonl', 'har', 'http', 'bundle'] as const)('leaves no seeded secret, email, card, key, JWT or IP in the %s file', async (format) => {
    const t = await core();
    const sourceId = await seedSecrets(t);
    const plain = await exportedLog(t, { format, filter: { sourceId } });
    // The check can fail: without redaction every seeded value is there.
    expect(survivors(plain.text).length).toBeGreaterThanOrEqual(Object.keys(SEEDED).length);
    const { text, summary } = await exportedLog(t, { format, filter: { sourceId }, redaction: {} });
    expect(survivors(text)).toEqual([]);
    expect(summary).toMatchObject({ count: 3, redactedEvents: 3 });
    // The endpoint token, which lets anyone post into the log, does not travel either.
    const token = (await t.call('sources.get', { id: sourceId })).settings[0]!.endpointToken;
    expect(text).not.toContain(token);
    // A 16-digit number that fails the Luhn check is not a card.
    expect(text).toContain('4242424242424241');
  });

  it('gives the same email the same placeholder in every event, header and query of the file', async () => {
    const t = await core();
    const sourceId = await seedSecrets(t);
    const { text } = await exportedLog(t, { format: 'jsonl', filter: { sourceId }, redaction: {} });
    const [meta, ...lines] = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(meta).toMatchObject({ inlet: { format: 'jsonl', source: { key: 'stripe' }, redaction: { detectors: expect.arrayContaining(['emails']) } } });
    const [first, second, third] = lines as Array<{ body: string; query: string; headers: Record<string, string>; redacted?: boolean }>;
    const placeholder = 'redacted-1@example.com';
    expect(JSON.parse(first!.body).data.object.email).toBe(placeholder);
    expect(first!.query).toBe(`contact=${encodeURIComponent(placeholder)}`);
    expect(second!.headers['x-user']).toBe(placeholder);
    expect(JSON.parse(second!.body).data.object.receipt_email).toBe(placeholder);
    expect(JSON.parse(second!.body).data.object.billing).toBe('redacted-2@example.com');
    expect(third!.body).toContain(`reach ${placeholder} at 192.0.2.1`);
    expect(first!.headers['x-forwarded-for']).toBe('192.0.2.1');
    expect(lines.every((l) => (l as { redacted?: boolean }).redacted === true)).toBe(true);
  });

  it('previews the first redacted items with each change, as the file will have them', async () => {
    const t = await core();
    const sourceId = await seedSecrets(t);
    const preview = await t.call('exports.preview', { format: 'jsonl', filter: { sourceId }, redaction: {}, limit: 2 });
    expect(preview).toMatchObject({ total: 3, capped: false });
    expect(preview.items).toHaveLength(2);
    expect(preview.items[0]!.changes).toContainEqual({ where: 'body data.object.email', kind: 'emails', before: SEEDED.email, after: 'redacted-1@example.com' });
    expect(preview.items[1]!.changes).toContainEqual({ where: 'header x-user', kind: 'emails', before: SEEDED.email, after: 'redacted-1@example.com' });
    const { text } = await exportedLog(t, { format: 'jsonl', filter: { sourceId }, redaction: {} });
    expect(text.split('\n')[1]).toBe(preview.items[0]!.text.trimEnd());
  });
});

describe('log export formats parse back', () => {
  async function seedPlain(t: TestCore, n: number) {
    const { id } = await t.source('orders');
    const items = Array.from({ length: n }, (_, i): Capture => ({
      method: 'POST', bodyEncoding: 'utf8', query: i % 2 ? `n=${i}` : '',
      headers: { 'content-type': 'application/json', 'x-seq': String(i) },
      body: JSON.stringify({ type: i % 3 ? 'order.placed' : 'order.cancelled', n: i, note: 'line one\nline two' }),
    }));
    await t.call('events.import', { sourceId: id, environment: 'development', items });
    return id;
  }

  it('re-imports the JSON Lines file through events.import with the same requests', async () => {
    const a = await core();
    const sourceId = await seedPlain(a, 7);
    const { text } = await exportedLog(a, { format: 'jsonl', filter: { sourceId } });
    const [meta, ...lines] = text.trimEnd().split('\n');
    expect(JSON.parse(meta!)).toHaveProperty('inlet.inletVersion');
    const captures = lines.map((l) => checkCapture(JSON.parse(l)));
    expect(captures.filter((c) => typeof c === 'string')).toEqual([]);
    const b = await core();
    const { id } = await b.source('orders');
    const { ids } = await b.call('events.import', { sourceId: id, environment: 'development', items: captures as Capture[] });
    expect(ids).toHaveLength(7);
    const original = await a.call('events.get', { id: (await a.call('events.list', { sourceId, limit: 7 })).items.at(-1)!.id });
    const again = await b.call('events.get', { id: ids[0]! });
    expect({ body: again.bodyText, type: again.eventType, seq: again.headers.find(([k]) => k === 'x-seq') }).toEqual({
      body: original.bodyText, type: original.eventType, seq: original.headers.find(([k]) => k === 'x-seq'),
    });
  });

  it('writes a HAR 1.2 file that validates, one entry per event, with the metadata in log.creator and log.comment', async () => {
    const t = await core();
    const sourceId = await seedPlain(t, 5);
    const { text } = await exportedLog(t, { format: 'har', filter: { sourceId, eventType: 'order.placed' } });
    const har = Har12Schema.parse(JSON.parse(text));
    expect(har.log.creator).toMatchObject({ name: 'Inlet' });
    expect(har.log.comment).toContain('Filters: {"sourceId"');
    expect(har.log.entries).toHaveLength(3);
    expect(har.log.entries.map((e) => JSON.parse(e.request.postData!.text).n)).toEqual([1, 2, 4]);
    expect(har.log.entries[0]!.request.queryString).toEqual([{ name: 'n', value: '1' }]);
  });

  it('writes a .http file with one runnable request per event, separated by ###', async () => {
    const t = await core();
    const sourceId = await seedPlain(t, 4);
    const { text } = await exportedLog(t, { format: 'http', filter: { sourceId } });
    const [head, ...blocks] = text.split(/^###/m);
    expect(head).toMatch(/^# Inlet .* log export/);
    expect(head).toContain(`@receiver = ${t.core.receiverUrl}`);
    expect(blocks).toHaveLength(4);
    blocks.forEach((block, i) => {
      const lines = block.split('\n');
      expect(lines[1]).toMatch(/^POST \{\{receiver\}\}\/in\/\S+ HTTP\/1\.1$/);
      expect(lines).toContain(`x-seq: ${i}`);
      const body = block.slice(block.indexOf('\n\n') + 2).trimEnd();
      expect(JSON.parse(body)).toMatchObject({ n: i });
    });
  });

  it('writes a bundle holding the log slice', async () => {
    const t = await core();
    const sourceId = await seedPlain(t, 3);
    const { text } = await exportedLog(t, { format: 'bundle', filter: { sourceId } });
    const bundle = JSON.parse(text) as { format: string; version: number; events: Array<{ source: string; environment: string; headers: unknown[] }> };
    expect(bundle).toMatchObject({ format: 'inlet.bundle', version: 2, redacted: false });
    expect(bundle.events).toHaveLength(3);
    expect(bundle.events[0]).toMatchObject({ source: 'orders', environment: 'development', method: 'POST' });
  });
});

describe('exports.save', () => {
  it('writes the file at the path given by the desktop app, and refuses to write one for an HTTP caller', async () => {
    const t = await core();
    await seedSecrets(t);
    const path = `${t.dir}/out.jsonl`;
    const progress: number[] = [];
    t.core.subscribe((m) => m.name === 'exports.progress' && progress.push(m.payload.done));
    const saved = await t.call('exports.save', { format: 'jsonl', path, exportId: 'x1', redaction: {} });
    expect(saved).toMatchObject({ path, summary: { count: 3 } });
    expect(survivors(readFileSync(path, 'utf8'))).toEqual([]);
    expect(progress.at(-1)).toBe(3);
    const overHttp = await t.core.dispatch('exports.save', { format: 'jsonl', path: `${t.dir}/x.jsonl` }, { transport: 'http' });
    expect(overHttp).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('log export read back by the capture import', () => {
  async function readBack(text: string) {
    const { readCaptures } = await import('../captures/read-captures');
    const start = await readCaptures([text]);
    if (!start.ok) throw new Error(start.error);
    const entries = [];
    for await (const entry of start.entries) entries.push(entry);
    return { format: start.format, entries };
  }

  it.each([['jsonl', 'jsonl'], ['har', 'har']] as const)('reads the redacted %s file as %s with one request per event and no error', async (format, detected) => {
    const t = await core();
    const sourceId = await seedSecrets(t);
    const { text } = await exportedLog(t, { format, filter: { sourceId }, redaction: {} });
    const read = await readBack(text);
    expect(read.format).toBe(detected);
    expect(read.entries.map((e) => e.kind)).toEqual(['request', 'request', 'request']);
  });
});
