import { describe, expect, it } from 'vitest';
import { buildCurl, shellQuote } from './curl';

const base = {
  method: 'POST',
  path: '/in/tok_abc',
  query: '',
  headers: [] as Array<[string, string]>,
  bodyText: '' as string | null,
  bodyBase64: '',
  bodySize: 0,
};
const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/**
 * POSIX word splitting for what the builder emits (single quotes, backslash escapes, line
 * continuations, pipes), written from the shell's rules rather than from the builder. The e2e
 * runs the real command through `sh` against the receiver.
 */
function words(command: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      if (command[i + 1] !== '\n') word = (word ?? '') + command[i + 1];
      i++;
    } else if (c === ' ' || c === '\n') {
      if (word !== null) out.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  if (word !== null) out.push(word);
  return out;
}

/** The argv curl receives. */
const argvOf = (command: string): string[] => {
  const all = words(command);
  return all.slice(all.lastIndexOf('curl') + 1);
};

describe('buildCurl', () => {
  it('keeps every header in order with repeats, and drops the ones curl derives itself', () => {
    const cmd = buildCurl(
      {
        ...base,
        headers: [['host', 'abc.loca.lt'], ['content-type', 'application/json'], ['x-tag', 'a'], ['x-tag', 'b'], ['content-length', '2'], ['transfer-encoding', 'chunked'], ['connection', 'keep-alive'], ['user-agent', 'Stripe/1.0'], ['accept', '*/*']],
        bodyText: '{}',
        bodyBase64: 'e30=',
        bodySize: 2,
      },
      'http://127.0.0.1:4750/',
    );
    const argv = argvOf(cmd);
    expect(argv.slice(0, 4)).toEqual(['-sS', '-X', 'POST', 'http://127.0.0.1:4750/in/tok_abc']);
    const headers = argv.filter((_, i) => argv[i - 1] === '-H');
    expect(headers).toEqual(['content-type: application/json', 'x-tag: a', 'x-tag: b', 'connection: keep-alive', 'user-agent: Stripe/1.0', 'accept: */*', 'expect:']);
    expect(argv.slice(-2)).toEqual(['--data-raw', '{}']);
  });

  it('passes quotes, newlines and shell syntax in the body through untouched', () => {
    const body = `{"name":"O'Brien","cmd":"$(rm -rf /) \`id\` \\"x\\"","nl":"a\nb\r\n"}\n`;
    const argv = argvOf(buildCurl({ ...base, headers: [['content-type', 'application/json']], bodyText: body, bodySize: body.length }, 'http://h'));
    expect(argv.at(-1)).toBe(body);
  });

  it('does not let a body starting with @ be read as a file name', () => {
    const argv = argvOf(buildCurl({ ...base, bodyText: '@/etc/passwd', bodySize: 12 }, 'http://h'));
    expect(argv.slice(-2)).toEqual(['--data-raw', '@/etc/passwd']);
  });

  it('decodes a binary body from base64 on stdin, byte-exact', () => {
    const bytes = new Uint8Array([0, 255, 10, 39, 64, 13, 128]);
    const cmd = buildCurl({ ...base, headers: [['content-type', 'application/octet-stream']], bodyText: null, bodyBase64: b64(bytes), bodySize: bytes.length }, 'http://h');
    expect(cmd).toMatch(/\| base64 --decode \| curl /);
    expect(cmd).toContain('--data-binary @-');
    const [printf, format, encoded, pipe, decoder, flag] = words(cmd);
    expect([printf, format, pipe, decoder, flag]).toEqual(['printf', '%s', '|', 'base64', '--decode']);
    expect([...atob(encoded!)].map((ch) => ch.charCodeAt(0))).toEqual([...bytes]);
  });

  it('stops curl from adding a user agent, accept or form content type the original did not have', () => {
    const argv = argvOf(buildCurl({ ...base, bodyText: 'a=1', bodySize: 3 }, 'http://h'));
    const headers = argv.filter((_, i) => argv[i - 1] === '-H');
    expect(headers).toEqual(['user-agent:', 'accept:', 'content-type:', 'expect:']);
  });

  it('keeps the method and query of a GET handshake, with no body', () => {
    const argv = argvOf(buildCurl({ ...base, method: 'get', query: 'challenge=x&y=%20' }, 'http://h'));
    expect(argv.slice(0, 4)).toEqual(['-sS', '-X', 'GET', 'http://h/in/tok_abc?challenge=x&y=%20']);
    expect(argv).not.toContain('--data-raw');
  });

  it('quotes single quotes for a POSIX shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
