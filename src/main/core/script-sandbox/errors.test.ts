import { describe, expect, it } from 'vitest';
import { runPreprocess } from './run-preprocess.js';
import { testScript } from './test-script.js';
import { RELAXED, requestCtx } from './testing/fixtures.js';

const run = (source: string) => runPreprocess({ source, ctx: requestCtx(), limits: RELAXED });

describe('errors point at the line of the user\'s source', () => {
  it('reports a syntax error on line 4', async () => {
    const result = await run('// header\n\nasync function main(ctx) {\n  return { verified: };\n}\n');
    expect(result).toMatchObject({ ok: false, error: { kind: 'syntax', line: 4 } });
  });

  it('reports a TypeError thrown in main on line 3', async () => {
    const result = await run('function main(ctx) {\n  const user = null;\n  return { id: user.id };\n}');
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', line: 3, message: "TypeError: cannot read property 'id' of null" } });
  });

  it('reports the line inside a helper, not the call site', async () => {
    const source = 'function main(ctx) {\n  return helper(ctx);\n}\n\nfunction helper(ctx) {\n  return ctx.body.missing.deeper;\n}';
    const result = await run(source);
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', line: 6 } });
  });

  it('reports the line of an error thrown after an await', async () => {
    const source = 'async function main(ctx) {\n  await null;\n  throw new Error("bad payload");\n}';
    const result = await run(source);
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', line: 3, message: 'Error: bad payload' } });
  });

  it('reports the line in a module-style script that exports main', async () => {
    const source = 'export async function main(ctx) {\n\n  return ctx.nope.x;\n}';
    const result = await run(source);
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', line: 3 } });
  });

  it('reports a thrown string as an uncaught value', async () => {
    const result = await run('function main() { throw "no signature"; }');
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', message: 'Uncaught no signature' } });
  });

  it('says main is missing when the script defines none', async () => {
    const result = await run('function handler(ctx) { return { verified: true }; }');
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', message: expect.stringMatching(/must define main/) } });
  });
});

describe('results that are not plain JSON are rejected with a clear message', () => {
  const cases: [string, string, RegExp][] = [
    ['a string', 'function main() { return "ok"; }', /must return an object.*a string/],
    ['no value', 'function main() {}', /must return an object.*undefined/],
    ['a non-boolean verified', 'function main() { return { verified: "yes" }; }', /"verified" must be true, false or left out/],
    ['a function', 'function main() { return { verified: true, fn: () => 1 }; }', /result\.fn is a function/],
    ['a Date', 'function main() { return { at: new Date(0) }; }', /result\.at is a Date.*toISOString/],
    ['a Map', 'function main() { return { m: new Map() }; }', /result\.m is a Map, not a plain object/],
    ['a BigInt', 'function main() { return { n: 1n }; }', /result\.n is a bigint/],
    ['NaN', 'function main() { return { n: 0 / 0 }; }', /result\.n is NaN/],
    ['a cycle', 'function main() { const o = {}; o.self = o; return { o }; }', /result\.o\.self refers back to itself/],
    ['a hole in an array', 'function main() { return { list: [1, undefined] }; }', /result\.list\[1\] is undefined/],
    ['an oversized result', 'function main() { return { big: "x".repeat(100000) }; }', /limit is 65536/],
  ];
  for (const [name, source, message] of cases) {
    it(`rejects ${name} as invalid_result`, async () => {
      const result = await run(source);
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_result', message: expect.stringMatching(message) } });
    });
  }

  it('leaves out undefined properties, as JSON does', async () => {
    const result = await run('async function main() { return { verified: undefined, a: 1, b: undefined }; }');
    expect(result).toMatchObject({ ok: true, verified: undefined, extra: { a: 1 } });
    expect(result.ok && 'b' in result.extra).toBe(false);
  });
});

describe('testScript', () => {
  it('shows the failing line with a code frame', async () => {
    const source = 'async function main(ctx) {\n  const sig = ctx.headers["x-sig"];\n  return { verified: sig.length > 0 };\n}';
    const report = await testScript({ source, ctx: requestCtx(), limits: RELAXED });
    expect(report.ok).toBe(false);
    expect(report.pretty).toBe(
      [
        "TypeError: cannot read property 'length' of undefined",
        '  at line 3',
        '',
        '  1 | async function main(ctx) {',
        '  2 |   const sig = ctx.headers["x-sig"];',
        '> 3 |   return { verified: sig.length > 0 };',
        '  4 | }',
      ].join('\n'),
    );
  });

  it('lists verified and each preprocess path on success', async () => {
    const source = 'function main() { return { verified: true, event: "a.b:INSERT", n: 2 }; }';
    const report = await testScript({ source, ctx: requestCtx(), limits: RELAXED });
    expect(report.pretty).toBe('verified: true\npreprocess.event = "a.b:INSERT"\npreprocess.n = 2');
  });
});

describe('a request the sandbox cannot take', () => {
  it('answers a body nested too deeply to serialise with a failed run, in this thread too', async () => {
    let body: unknown = 1;
    for (let i = 0; i < 20_000; i += 1) body = [body];
    const result = await runPreprocess({ source: 'function main() { return {}; }', ctx: { vars: {}, body, rawBody: '[[1]]', headers: {} }, limits: RELAXED });
    expect(result).toMatchObject({ ok: false, error: { kind: 'sandbox', message: expect.stringMatching(/nested too deeply/) } });
  });
});
