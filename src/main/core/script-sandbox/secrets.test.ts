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
