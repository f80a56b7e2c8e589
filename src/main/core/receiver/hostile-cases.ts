import { gzipSync } from 'node:zlib';

/** One generated hostile request: raw bytes (and pauses) sent over its own socket. */
export interface HostileCase {
  name: string;
  steps: Array<string | Buffer | { waitMs: number }>;
  /** Half-close after sending (the sender says it has nothing more). */
  end?: boolean;
}

export interface Targets {
  /** A source without a preprocess script. */
  plain: string;
  /** A source whose template ships a preprocess script. */
  scripted: string;
}

const CLOSE = { connection: 'close' };

/** A request's bytes; `content-length: ''` leaves the length out, `transfer-encoding` switches to chunks. */
export function request(method: string, path: string, body: string | Buffer = '', headers: Record<string, string> = {}): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const all: Record<string, string> = { host: 'inlet.test', 'content-type': 'application/json', 'content-length': String(bytes.length), ...CLOSE, ...headers };
  const chunked = all['transfer-encoding'] === 'chunked';
  if (chunked) delete all['content-length'];
  const head = Object.entries(all).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}\r\n`).join('');
  const payload = chunked ? Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')]) : bytes;
  return Buffer.concat([Buffer.from(`${method} ${path} HTTP/1.1\r\n${head}\r\n`), payload]);
}

const post = (name: string, path: string, body: string | Buffer, headers: Record<string, string> = {}): HostileCase => ({
  name,
  steps: [request('POST', path, body, headers)],
});

export function depthCases(t: Targets): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const depth of [10, 100, 511, 512, 513, 1_000, 5_000, 6_000, 20_000]) {
    for (const [where, path] of Object.entries(t)) {
      cases.push(post(`object depth ${depth} (${where})`, path, '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));
      cases.push(post(`array depth ${depth} (${where})`, path, '['.repeat(depth) + ']'.repeat(depth)));
    }
  }
  for (const [where, path] of Object.entries(t)) {
    cases.push(post(`unclosed depth 50000 (${where})`, path, '['.repeat(50_000)));
    cases.push(post(`deep form value (${where})`, path, `a=${'['.repeat(5_000)}`, { 'content-type': 'application/x-www-form-urlencoded' }));
    cases.push(post(`deep text/plain JSON (${where})`, path, '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), { 'content-type': 'text/plain' }));
  }
  return cases;
}

export function sizeCases(t: Targets, limit: number): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const size of [0, 1, limit - 1, limit, limit + 1, limit * 2]) {
    const body = JSON.stringify({ pad: 'x'.repeat(Math.max(0, size - 10)) }).slice(0, size).padEnd(size, ' ');
    for (const [where, path] of [...Object.entries(t), ['unknown', '/in/unknown-size-token']] as const) {
      cases.push(post(`${size} bytes, declared (${where})`, path, body));
      cases.push(post(`${size} bytes, chunked (${where})`, path, body, { 'transfer-encoding': 'chunked' }));
    }
  }
  cases.push({ name: 'declares 1 TB', steps: [request('POST', t.plain, '{}', { 'content-length': String(1e12) })] });
  cases.push({ name: 'declares a negative length', steps: [request('POST', t.plain, '{}', { 'content-length': '-1' })] });
  return cases;
}

export function encodingCases(t: Targets): HostileCase[] {
  const json = Buffer.from('{"type":"enc","v":1}');
  const bodies: Array<[string, Buffer, Record<string, string>]> = [
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]), {}],
    ['lone surrogate escape', Buffer.from('{"a":"\\ud800"}'), {}],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]), { 'content-type': 'application/json; charset=utf-16' }],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"a":1}', 'utf16le').swap16()]), {}],
    ['UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]), {}],
    ['gzip, really gzipped', gzipSync(json), { 'content-encoding': 'gzip' }],
    ['gzip declared, plain bytes', json, { 'content-encoding': 'gzip' }],
    ['gzip bomb-ish', gzipSync(Buffer.alloc(4 * 1024 * 1024)), { 'content-encoding': 'gzip' }],
    ['br declared', json, { 'content-encoding': 'br' }],
    ['NUL bytes', Buffer.from('{"a":"\u0000\u0000"}\u0000'), {}],
    ['no content type', json, { 'content-type': '' }],
    ['text/plain', json, { 'content-type': 'text/plain' }],
    ['multipart without parts', json, { 'content-type': 'multipart/form-data; boundary=x' }],
    ['form with weird encoding', Buffer.from('a=%ZZ&b=%E0%A4%A&c'), { 'content-type': 'application/x-www-form-urlencoded' }],
    ['+json vendor type', json, { 'content-type': 'application/vnd.api+json' }],
    ['semicolons only', json, { 'content-type': ';;;' }],
    ['very long content type', json, { 'content-type': `application/json; ${'x=y; '.repeat(1_000)}` }],
    ['binary octet-stream', Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256)), { 'content-type': 'application/octet-stream' }],
    ['JSON number only', Buffer.from('1e999999'), {}],
    ['huge string escapes', Buffer.from(`"${'\\u0041'.repeat(10_000)}"`), {}],
  ];
  return bodies.flatMap(([name, body, headers]) => Object.entries(t).map(([where, path]) => post(`${name} (${where})`, path, body, headers)));
}

export function truncationCases(t: Targets): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const [where, path] of Object.entries(t)) {
    const full = request('POST', path, '{"type":"cut","n":12345}');
    const text = full.toString('latin1');
    cases.push({ name: `length longer than body, then waits (${where})`, steps: [text.replace(/content-length: \d+/, 'content-length: 200')] });
    cases.push({ name: `length longer than body, then half-closes (${where})`, steps: [text.replace(/content-length: \d+/, 'content-length: 200')], end: true });
    cases.push({ name: `length shorter than body (${where})`, steps: [text.replace(/content-length: \d+/, 'content-length: 5')] });
    cases.push({ name: `HTTP/1.0 POST without length (${where})`, steps: [text.replace('HTTP/1.1', 'HTTP/1.0').replace(/content-length: \d+\r\n/, '')] });
    cases.push({ name: `chunked, cut mid-chunk (${where})`, steps: [`POST ${path} HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n40\r\n{"a":`], end: true });
    cases.push({ name: `chunked, cut and waits (${where})`, steps: [`POST ${path} HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n40\r\n{"a":`] });
    cases.push({ name: `chunked, invalid size (${where})`, steps: [`POST ${path} HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`] });
    cases.push({ name: `chunked, size larger than data then end (${where})`, steps: [`POST ${path} HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n5\r\n{}\r\n0\r\n\r\n`] });
    cases.push({ name: `two content-lengths (${where})`, steps: [`POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}`] });
    cases.push({ name: `length and chunked (${where})`, steps: [`POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ntransfer-encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`] });
    cases.push({ name: `headers cut off (${where})`, steps: [`POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-le`], end: true });
    cases.push({ name: `bare LF line endings (${where})`, steps: [`POST ${path} HTTP/1.1\nhost: x\ncontent-length: 2\nconnection: close\n\n{}`] });
  }
  return cases;
}

export function pipelineCases(t: Targets): HostileCase[] {
  const one = (path: string, i: number, close = false) => request('POST', path, JSON.stringify({ type: 'pipe', i }), close ? {} : { connection: 'keep-alive' });
  const cases: HostileCase[] = [];
  for (const [where, path] of Object.entries(t)) {
    for (const n of [2, 5, 20]) {
      cases.push({ name: `${n} requests on one socket (${where})`, steps: [Buffer.concat(Array.from({ length: n }, (_, i) => one(path, i, i === n - 1)))] });
    }
    cases.push({ name: `valid then garbage, same write (${where})`, steps: [Buffer.concat([one(path, 0), Buffer.from('\x16\x03\x01garbage\r\n\r\n')])] });
    cases.push({ name: `valid then garbage, later (${where})`, steps: [one(path, 0), { waitMs: 100 }, 'NOT HTTP AT ALL\r\n\r\n'] });
    cases.push({ name: `valid then half a request (${where})`, steps: [Buffer.concat([one(path, 0), Buffer.from(`POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-length: 50\r\n\r\n{`)])], end: true });
    cases.push({ name: `valid, unknown token, valid (${where})`, steps: [Buffer.concat([one(path, 0), one('/in/nope-pipe', 1), one(path, 2, true)])] });
    cases.push({ name: `GET then POST (${where})`, steps: [Buffer.concat([request('GET', path, '', { connection: 'keep-alive' }), one(path, 1, true)])] });
  }
  return cases;
}

export function slowCases(t: Targets): HostileCase[] {
  const drip = (text: string, everyMs: number, n: number) => Array.from({ length: n }, (_, i) => [{ waitMs: everyMs }, text[i % text.length]!]).flat();
  const cases: HostileCase[] = [];
  for (const [where, path] of Object.entries(t)) {
    const head = `POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n`;
    cases.push({ name: `header trickle (${where})`, steps: drip(head, 60, head.length) });
    cases.push({ name: `body trickle under the idle limit (${where})`, steps: [head, ...drip('{"a":1}', 100, 60)] });
    cases.push({ name: `body stops (${where})`, steps: [head, '{"a"'] });
    cases.push({ name: `nothing after connecting (${where})`, steps: [] });
    cases.push({ name: `request line only (${where})`, steps: [`POST ${path} HTTP/1.1\r\n`] });
  }
  return cases;
}

export function unknownTokenCases(): HostileCase[] {
  const paths = ['/in/', '/in//', '/in/x/y', '/in/../api/sources.list', `/in/${'a'.repeat(4_000)}`, '/in/%00', '/in/%2e%2e', '/in/😀', '/in/tok?x=1', '/IN/tok', '/', '/favicon.ico', '/api/events.list', '/in/tok#frag', '*', '/in/tok;x'];
  const cases = paths.map((path) => post(`unknown path ${path.slice(0, 30)}`, path, '{"type":"probe"}'));
  for (const size of [4_095, 4_096, 4_097, 60_000]) cases.push(post(`unknown token, ${size}-byte body`, '/in/nope-size', 'z'.repeat(size)));
  return cases;
}

export function methodCases(t: Targets): HostileCase[] {
  const methods = ['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'PUT', 'PATCH', 'M-SEARCH', 'BREW'];
  return methods.flatMap((method) =>
    [['plain', t.plain], ['unknown', '/in/nope-method']].map(([where, path]) => ({
      name: `${method} (${where})`,
      steps: [method === 'CONNECT' ? `CONNECT inlet.test:443 HTTP/1.1\r\nhost: inlet.test:443\r\nconnection: close\r\n\r\n` : request(method, path!, method === 'GET' || method === 'HEAD' ? '' : '{"type":"m"}')],
    })),
  );
}

export function pollutionCases(t: Targets): HostileCase[] {
  const bodies: Array<[string, string, Record<string, string>]> = [
    ['__proto__ key', '{"__proto__":{"polluted":"yes"},"type":"p"}', {}],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":"yes"}},"type":"p"}', {}],
    ['nested __proto__', '{"a":{"__proto__":{"polluted":"yes"}},"type":{"__proto__":"x"}}', {}],
    ['__proto__ as event type', '{"type":"__proto__"}', {}],
    ['form __proto__', '__proto__[polluted]=yes&constructor[prototype][polluted]=yes&type=p', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['__proto__ header', '{"type":"p"}', Object.fromEntries([['__proto__', 'x'], ['constructor', 'y'], ['prototype', 'z']])],
    ['toString header', '{"type":"p"}', { tostring: 'x', hasownproperty: 'y', valueof: 'z' }],
  ];
  const cases: HostileCase[] = [];
  for (const [where, path] of Object.entries(t)) {
    for (const [name, body, headers] of bodies) cases.push(post(`${name} (${where})`, path, body, headers));
    cases.push(post(`query __proto__ (${where})`, `${path}?__proto__[polluted]=yes&constructor[prototype][polluted]=yes`, '{"type":"p"}'));
    cases.push(post(`query toString (${where})`, `${path}?toString=1&hasOwnProperty=2&__proto__=3`, '{"type":"p"}'));
  }
  return cases;
}
