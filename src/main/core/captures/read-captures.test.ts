import { describe, expect, it } from 'vitest';
import { whereText, type CaptureEntry } from './entry';
import { readCaptures } from './read-captures';

async function read(text: string | string[]) {
  const started = await readCaptures(Array.isArray(text) ? text : [text]);
  if (!started.ok) throw new Error(started.error);
  const entries: CaptureEntry[] = [];
  for await (const e of started.entries) entries.push(e);
  const requests = entries.flatMap((e) => (e.kind === 'request' ? [e.request] : []));
  const errors = entries.flatMap((e) => (e.kind === 'error' ? [`${whereText(e.at)}: ${e.error}`] : []));
  const skipped = entries.filter((e) => e.kind === 'skipped').length;
  return { format: started.format, requests, errors, skipped };
}

/** Every size of chunk a stream could deliver, to catch state lost at a chunk boundary. */
const chunked = (text: string, size: number): string[] => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

describe('JSON Lines', () => {
  const text = [
    '{"headers": {"Content-Type": "application/json"}, "body": "{\\"type\\":\\"a\\"}", "receivedAt": "2024-05-01T10:00:00Z"}',
    '{"headers": {}, "body": {"type": "b"}, "method": "put", "query": {"x": "1"}}',
    '{"headers": {}, "body": "c", "oops',
    '',
    '{"headers": {"Bad Name": "x"}, "body": "d"}',
    '{"headers": [["X-A", "1"]], "body": "e", "query": "?y=2"}',
  ].join('\n');

  it('imports the good lines and names the bad ones by line', async () => {
    const r = await read(text);
    expect(r.format).toBe('jsonl');
    expect(r.requests.map((q) => q.body)).toEqual(['{"type":"a"}', '{"type":"b"}', 'e']);
    expect(r.requests[0]).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json' }, capturedAt: Date.parse('2024-05-01T10:00:00Z') });
    expect(r.requests[1]).toMatchObject({ method: 'PUT', query: 'x=1' });
    expect(r.requests[2]).toMatchObject({ headers: { 'X-A': '1' }, query: 'y=2' });
    expect(r.errors).toEqual([expect.stringMatching(/^line 3: is not valid JSON/), expect.stringMatching(/^line 5: .*Bad Name.* not a valid header name/)]);
  });

  it('reads the same across any chunking', async () => {
    for (const size of [1, 7, 64]) expect((await read(chunked(text, size))).requests).toHaveLength(3);
  });
});

describe("Inlet's export", () => {
  it('reads the list the log exports and names a bad item by its position', async () => {
    const file = JSON.stringify([{ method: 'POST', headers: { 'X-A': 'a' }, body: 'one', bodyEncoding: 'utf8', query: '' }, { headers: {} }, 42, { body: 'aGk=', bodyEncoding: 'base64' }], null, 2);
    for (const size of [3, 1000]) {
      const r = await read(chunked(file, size));
      expect(r.format).toBe('inlet');
      expect(r.requests.map((q) => [q.body, q.bodyEncoding])).toEqual([['one', 'utf8'], ['aGk=', 'base64']]);
      expect(r.errors).toEqual(['entry 2: has no body.', 'entry 3: is not an object with headers and body.']);
    }
  });

  it('reads {items: [...]} as events.import takes it', async () => {
    const r = await read(JSON.stringify({ items: [{ body: 'x' }, { body: 'y', bodyEncoding: 'hex' }] }));
    expect(r.requests.map((q) => q.body)).toEqual(['x']);
    expect(r.errors).toEqual(['entry 2: bodyEncoding must be "utf8" or "base64", not "hex".']);
  });
});

describe('HAR', () => {
  const entry = (method: string, url: string, text?: string, extra: Record<string, unknown> = {}) => ({
    startedDateTime: '2024-06-01T12:00:00.000Z',
    request: { method, url, httpVersion: 'HTTP/1.1', headers: [{ name: ':authority', value: 'x' }, { name: 'Content-Type', value: 'application/json' }, { name: 'Host', value: 'h' }], ...(text === undefined ? {} : { postData: { mimeType: 'application/json', text } }), ...extra },
    response: { status: 200, content: { text: 'big response body '.repeat(100) } },
  });
  const har = { log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries: [entry('GET', 'https://a.test/app.js'), entry('POST', 'https://a.test/hook?x=1', '{"type":"t"}'), { request: 'broken' }, entry('PATCH', 'https://a.test/p', 'p')] } };

  it('reads posted entries, skips GETs and names a broken entry by its index', async () => {
    const r = await read(chunked(JSON.stringify(har, null, 1), 50));
    expect(r.format).toBe('har');
    expect(r.skipped).toBe(1);
    expect(r.requests).toEqual([
      expect.objectContaining({ method: 'POST', body: '{"type":"t"}', query: 'x=1', target: 'https://a.test/hook', headers: { 'Content-Type': 'application/json' }, capturedAt: Date.parse('2024-06-01T12:00:00.000Z') }),
      expect.objectContaining({ method: 'PATCH', body: 'p' }),
    ]);
    expect(r.errors).toEqual(['entry 3: is not a HAR entry (it has no "request").']);
  });

  it('reports a HAR without entries', async () => {
    const r = await read('{"log": {"version": "1.2", "creator": {}}}');
    expect(r.errors).toEqual([expect.stringContaining('log.entries')]);
  });
});

describe('Stripe events', () => {
  const event = (id: string, type: string) => ({ id, object: 'event', api_version: '2024-06-20', created: 1_717_000_000, type, data: { object: { id: 'cus_1' } }, livemode: false });

  it('wraps one event as the request Stripe sends, marked unsigned', async () => {
    const r = await read(JSON.stringify(event('evt_1', 'customer.created'), null, 2));
    expect(r.format).toBe('stripe');
    expect(r.requests).toEqual([
      expect.objectContaining({ method: 'POST', unsigned: true, body: JSON.stringify(event('evt_1', 'customer.created'), null, 2), capturedAt: 1_717_000_000_000, headers: expect.objectContaining({ 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', 'Content-Type': 'application/json; charset=utf-8' }) }),
    ]);
  });

  it('reads `stripe events list` and names the item that is no event', async () => {
    const list = { object: 'list', data: [event('evt_1', 'a'), { id: 'x', object: 'customer' }, event('evt_3', 'c')], has_more: false, url: '/v1/events' };
    const r = await read(JSON.stringify(list, null, 2));
    expect(r.requests.map((q) => JSON.parse(q.body).id)).toEqual(['evt_1', 'evt_3']);
    expect(r.errors).toEqual(['entry 2: is not a Stripe event (no "object": "event").']);
  });

  it('reads `stripe listen --print-json` output: pretty events one after another, with noise between', async () => {
    const text = `${JSON.stringify(event('evt_1', 'a'), null, 2)}\nReady! Your webhook signing secret is whsec_x\n${JSON.stringify({ ...event('evt_2', 'b'), type: 7 }, null, 2)}\n${JSON.stringify(event('evt_3', 'c'), null, 2)}\n`;
    const r = await read(chunked(text, 13));
    expect(r.requests.map((q) => JSON.parse(q.body).id)).toEqual(['evt_1', 'evt_3']);
    expect(r.errors).toEqual([expect.stringMatching(/^line 14: is not JSON \(“Ready!/), 'line 15: is a Stripe event without an id or type.']);
  });
});

describe('raw HTTP', () => {
  it('reads several requests, keeps their bodies and names the bad one by line', async () => {
    const text = [
      'POST /in/abc?x=1 HTTP/1.1',
      'Host: localhost:3000',
      'Content-Type: application/json',
      'Stripe-Signature: t=1,v1=aa',
      '',
      '{"type": "a",',
      ' "n": 1}',
      '',
      '###',
      'PUT https://example.test/hook HTTP/1.1',
      'not a header',
      '',
      'body',
      '',
      'PATCH /p',
      'X-A: 1',
      '',
      'last',
    ].join('\r\n');
    const r = await read(text);
    expect(r.format).toBe('http');
    expect(r.requests).toEqual([
      expect.objectContaining({ method: 'POST', query: 'x=1', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': 't=1,v1=aa' }, body: '{"type": "a",\n "n": 1}' }),
      expect.objectContaining({ method: 'PATCH', headers: { 'X-A': '1' }, body: 'last' }),
    ]);
    expect(r.errors).toEqual(['line 10: line 11: expected a header “Name: value”, got “not a header”.']);
  });
});
