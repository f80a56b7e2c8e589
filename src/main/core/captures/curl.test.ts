import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromCurlText } from './curl';
import { whereText, type CaptureRequest } from './entry';
import { splitCommands } from './shell-words';

/** Chrome DevTools' "Copy as cURL (bash)" quoting (escapeStringPosix in its network panel). */
function chromePosix(str: string): string {
  // eslint-disable-next-line no-control-regex -- Chrome's own pattern, copied as it is
  if (/[\0-\x1F\x7F-\x9F!]|'/.test(str)) {
    const hex = (x: string) => `\\u${x.charCodeAt(0).toString(16).padStart(4, '0')}`;
    // eslint-disable-next-line no-control-regex -- as above
    return `$'${str.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/[\0-\x1F\x7F-\x9F!]/g, hex)}'`;
  }
  return `'${str}'`;
}

/** Chrome DevTools' "Copy as cURL (cmd)" quoting (escapeStringWin). */
function chromeCmd(str: string): string {
  return `^"${str
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[^a-zA-Z0-9\s_\-:=+~'/.',?;()*`]/g, '^$&')
    .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
    .replace(/\r?\n/g, '^\n\n')}^"`;
}

const BODY = '{"note":"it\'s here!","city":"Zürich","line":"a\\nb","path":"C:\\\\tmp","pct":"100%ok"}';
const URL = 'https://hooks.example.test/in/abc?x=1&y=%20';
const chrome = (q: (s: string) => string, join: string) =>
  ['curl', q(URL), '-H', q('content-type: application/json'), '-H', q('stripe-signature: t=1,v1=ab'), '--data-raw', q(BODY)].reduce((a, w, i) => (i === 0 ? w : i % 2 === 1 ? `${a}${join}${w}` : `${a} ${w}`));

function only(text: string): CaptureRequest {
  const entries = [...fromCurlText(text)];
  expect(entries).toHaveLength(1);
  const [entry] = entries;
  if (entry?.kind !== 'request') throw new Error(`not a request: ${JSON.stringify(entry)}`);
  return entry.request;
}

describe('cURL', () => {
  it("splits words as bash does ('…', \"…\", $'…', backslashes, continuations)", () => {
    const commands = [chrome(chromePosix, ' \\\n  '), `curl -d "a \\"b\\" \\$HOME \\x" -H X:\\ y $'\\x41\\u00e9\\t\\'' 'it'"'"'s'`];
    for (const command of commands) {
      const bash = execFileSync('bash', ['-c', `printf '%s\\0' ${command}`], { encoding: 'utf8' }).split('\0').slice(0, -1);
      expect(splitCommands(command)[0]?.words).toEqual(bash);
    }
  });

  it("imports Chrome's bash copy: $'…' body, headers, query", () => {
    const r = only(chrome(chromePosix, ' \\\n  '));
    expect(r).toMatchObject({ method: 'POST', body: BODY, query: 'x=1&y=%20', target: 'https://hooks.example.test/in/abc', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=ab' } });
  });

  it("imports Chrome's Windows cmd copy (^ escapes and ^ continuations)", () => {
    const r = only(chrome(chromeCmd, ' ^\n  '));
    expect(r).toMatchObject({ method: 'POST', body: BODY, query: 'x=1&y=%20', headers: { 'content-type': 'application/json' } });
    const multiline = only(`curl ${chromeCmd(URL)} ^\n  --data-raw ${chromeCmd('{\n  "a": 1\n}')}`);
    expect(multiline.body).toBe('{\n  "a": 1\n}');
  });

  it("imports Firefox's Windows copy (quotes doubled inside \"…\")", () => {
    const r = only('curl "https://a.test/hook" -X POST -H "Content-Type: application/json" --data-raw "{""a"":""b c""}"');
    expect(r).toMatchObject({ method: 'POST', body: '{"a":"b c"}', headers: { 'Content-Type': 'application/json' } });
  });

  it("imports Postman's copy: --location, --header, a multi-line --data", () => {
    const r = only(`curl --location 'https://a.test/hook' \\\n--header 'Content-Type: application/json' \\\n--data '{\n    "a": 1\n}'`);
    expect(r).toMatchObject({ method: 'POST', body: '{\n    "a": 1\n}', headers: { 'Content-Type': 'application/json' } });
  });

  it('applies -X, -u, bundled short flags, --json, --data-urlencode and repeated -d', () => {
    expect(only(`curl -sSL -XPUT -u ada:secret https://a.test/h -d a=1 -d 'b=2'`)).toMatchObject({
      method: 'PUT',
      body: 'a=1&b=2',
      headers: { Authorization: `Basic ${Buffer.from('ada:secret').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(only(`curl https://a.test/h --json '{"a":1}'`)).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
    expect(only(`curl https://a.test/h --data-urlencode 'msg=a b&c' --data-urlencode '=x y'`).body).toBe('msg=a%20b%26c&x%20y');
  });

  it('reads many commands and names each bad one by its line; the rest import', () => {
    const text = [
      `curl https://a.test/one -H 'X-N: 1' -d '{"n":1}'`,
      `curl https://a.test/two \\`,
      `  --data-binary @payload.json`,
      `echo not curl`,
      `curl -F file=@a.png https://a.test/three`,
      `curl https://a.test/four -d '{"n":4}'; curl https://a.test/page`,
      `curl -X POST`,
    ].join('\n');
    const entries = [...fromCurlText(text)];
    expect(entries.flatMap((e) => (e.kind === 'request' ? [e.request.body] : []))).toEqual(['{"n":1}', '{"n":4}']);
    expect(entries.flatMap((e) => (e.kind === 'error' ? [`${whereText(e.at)}: ${e.error}`] : []))).toEqual([
      'line 2: --data-binary @payload.json reads the body from a file that is not part of the paste; paste the body with --data-raw instead.',
      'line 4: is not a curl command (it starts with “echo”).',
      'line 5: sends a multipart form (-F); webhooks are imported from --data bodies.',
      'line 7: has no URL.',
    ]);
    expect(entries.filter((e) => e.kind === 'skipped')).toHaveLength(1);
  });
});
