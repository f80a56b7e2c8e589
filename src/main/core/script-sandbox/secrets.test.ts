import { describe, expect, it } from 'vitest';
import { maskSecrets } from './mask.js';
import { runPreprocess } from './run-preprocess.js';
import { testScript } from './test-script.js';
import { RELAXED, requestCtx } from './testing/fixtures.js';

const SECRET = 'whsec_"quoted"\\and-long';
const ctx = requestCtx({ vars: { SIGNING_SECRET: SECRET, REGION: 'eu-west-1' } });
const input = (source: string) => ({ source, ctx, limits: RELAXED, secretVarNames: ['SIGNING_SECRET'] });

describe('maskSecrets', () => {
  it('replaces every occurrence, including the JSON-escaped form', () => {
    const text = `a ${SECRET} b ${JSON.stringify({ s: SECRET })}`;
    expect(maskSecrets(text, [SECRET])).toBe('a •••• b {"s":"••••"}');
  });

  it('masks a longer secret whole even when it contains a shorter one', () => {
    expect(maskSecrets('key=abcdef', ['abc', 'abcdef'])).toBe('key=••••');
  });

  it('ignores empty secrets', () => {
    expect(maskSecrets('nothing to hide', [''])).toBe('nothing to hide');
  });
});

describe('secret vars never leave the sandbox in clear', () => {
  it('masks a secret logged as text and inside a logged object, but not a plain var', async () => {
    const result = await runPreprocess(input(`function main(ctx) {
      console.log("secret is", ctx.vars.SIGNING_SECRET);
      console.warn({ vars: ctx.vars });
      return { verified: true };
    }`));
    const logs = result.logs.join('\n');
    expect(logs).not.toContain('whsec_');
    expect(result.logs).toEqual(['secret is ••••', '[warn] {"vars":{"SIGNING_SECRET":"••••","REGION":"eu-west-1"}}']);
  });

  it('masks a secret in a thrown error message and in the test report', async () => {
    const source = 'function main(ctx) {\n  throw new Error("expected " + ctx.vars.SIGNING_SECRET);\n}';
    const result = await runPreprocess(input(source));
    expect(result).toMatchObject({ ok: false, error: { message: 'Error: expected ••••', line: 2 } });
    const report = await testScript(input(source));
    expect(report.pretty).not.toContain('whsec_');
  });

  it('masks a secret a script returns as an extra', async () => {
    const result = await runPreprocess(input('function main(ctx) { return { verified: true, echo: ctx.vars.SIGNING_SECRET }; }'));
    expect(result).toMatchObject({ ok: true, extra: { echo: '••••' } });
  });
});

describe('a secret transformed by the script is masked too', () => {
  // Spaces, `+`, `/`, `&` and `=` change under URL-encoding; its base64 has `+` and `/` too.
  const KEY = 'sk_live_Ab3+/Zq9 x&y=z?~>>';
  const keyed = (expression: string) => ({
    source: `function main(ctx) {
      const s = ctx.vars.API_KEY;
      const hex = (t) => Array.from(t, (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
      const value = ${expression};
      console.log("value:", value);
      console.log({ nested: { value } });
      return { verified: true, value, nested: [value] };
    }`,
    ctx: requestCtx({ vars: { API_KEY: KEY } }),
    limits: RELAXED,
    secretVarNames: ['API_KEY'],
  });
  const base64 = Buffer.from(KEY).toString('base64');
  const base64url = Buffer.from(KEY).toString('base64url');
  // [name, the script's expression, its value; leading characters that may stay (they encode what surrounds the secret)]
  const transforms: Array<[string, string, string, number?]> = [
    ['exact', 's', KEY],
    ['lower-cased', 's.toLowerCase()', KEY.toLowerCase()],
    ['upper-cased', 's.toUpperCase()', KEY.toUpperCase()],
    ['reversed', 's.split("").reverse().join("")', [...KEY].reverse().join('')],
    ['base64', 'btoa(s)', base64],
    ['base64 without padding', 'btoa(s).replace(/=+$/, "")', base64.replace(/=+$/, '')],
    ['base64url', 'btoa(s).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "")', base64url],
    ['base64 inside a Basic auth header', '"Basic " + btoa("user:" + s)', Buffer.from(`user:${KEY}`).toString('base64'), 7],
    ['hex', 'hex(s)', Buffer.from(KEY).toString('hex')],
    ['upper-case hex', 'hex(s).toUpperCase()', Buffer.from(KEY).toString('hex').toUpperCase()],
    ['URL-encoded', 'encodeURIComponent(s)', encodeURIComponent(KEY)],
    ['URL-encoded in a query string', '"https://api.example.com/?key=" + encodeURIComponent(s) + "&x=1"', encodeURIComponent(KEY)],
  ];

  it.each(transforms)('masks the secret %s in logs and outputs', async (_name, expression, transformed, kept = 0) => {
    const result = await runPreprocess(keyed(expression));
    expect(result.ok).toBe(true);
    const everything = JSON.stringify(result).toLowerCase();
    // No 8 characters in a row of the transformed secret survive, in any letter case.
    for (let i = kept; i + 8 <= transformed.length; i += 1) expect(everything).not.toContain(transformed.slice(i, i + 8).toLowerCase());
    expect(result.logs).toHaveLength(2);
    for (const line of result.logs) expect(line).toContain('••••');
    expect(result).toMatchObject({ extra: { value: expect.stringContaining('••••'), nested: [expect.stringContaining('••••')] } });
  });

  it('masks the secret used as an object key, logged and returned', async () => {
    const result = await runPreprocess({
      ...keyed('s'),
      source: 'function main(ctx) { const o = { [ctx.vars.API_KEY]: 1 }; console.log(o); return { verified: true, o }; }',
    });
    expect(result).toMatchObject({ ok: true, logs: ['{"••••":1}'], extra: { o: { '••••': 1 } } });
  });
});

describe('logs are bounded', () => {
  it('keeps 100 lines and counts the rest', async () => {
    const result = await runPreprocess({
      source: 'function main() { for (let i = 0; i < 150; i++) console.log("line", i); return {}; }',
      ctx: requestCtx(),
      limits: RELAXED,
    });
    expect(result.logs).toHaveLength(101);
    expect(result.logs[100]).toBe('… 50 more log line(s) dropped');
  });

  it('truncates a very long line', async () => {
    const result = await runPreprocess({ source: 'function main() { console.log("x".repeat(5000)); return {}; }', ctx: requestCtx(), limits: RELAXED });
    expect(result.logs[0]).toMatch(/^x{1000}… \(truncated\)$/);
  });
});
