import { beforeAll, describe, expect, it } from 'vitest';
import { runPreprocess, warmUpSandbox } from './run-preprocess.js';
import { NORMAL_SCRIPT, RELAXED, requestCtx } from './testing/fixtures.js';
import type { PreprocessResult, ScriptErrorKind } from './types.js';

async function expectNormalScriptStillWorks(): Promise<void> {
  const ctx = requestCtx({ headers: { 'x-ok': 'yes' } });
  const result = await runPreprocess({ source: NORMAL_SCRIPT, ctx, limits: RELAXED });
  expect(result).toMatchObject({ ok: true, verified: true, extra: { type: 'user.created' } });
}

function expectFailure(result: PreprocessResult, kind: ScriptErrorKind, message: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.kind).toBe(kind);
  expect(result.error.message).toMatch(message);
}

beforeAll(() => warmUpSandbox());

describe('a hostile or broken script fails with the right kind, and the sandbox keeps serving', () => {
  const cases: { name: string; source: string; kind: ScriptErrorKind; message: RegExp }[] = [
    { name: 'an infinite loop', source: 'function main() { while (true) {} }', kind: 'timeout', message: /time limit of 50 ms/ },
    { name: 'an infinite loop at top level', source: 'for (;;) {}\nfunction main() {}', kind: 'timeout', message: /time limit/ },
    { name: 'an endless async loop', source: 'async function main() { for (;;) await null; }', kind: 'timeout', message: /time limit/ },
    {
      name: 'an endless promise chain',
      source: 'function main() { const next = () => Promise.resolve().then(next); return next(); }',
      kind: 'timeout',
      message: /time limit/,
    },
    {
      name: 'a promise that never settles',
      source: 'function main() { return new Promise(() => {}); }',
      kind: 'timeout',
      message: /never settles/,
    },
    { name: 'a doubling string', source: 'function main() { let s = "x"; for (;;) s += s; }', kind: 'memory', message: /memory limit of 16 MiB/ },
    {
      name: 'a doubling array',
      source: 'function main() { let a = [0]; for (;;) a = a.concat(a); }',
      kind: 'memory',
      message: /memory limit/,
    },
    { name: 'unbounded recursion', source: 'function main() { const f = (n) => f(n + 1) + 1; return f(0); }', kind: 'memory', message: /Stack overflow/ },
    { name: 'reaching for process', source: 'function main() { return { env: process.env }; }', kind: 'runtime', message: /'process' is not defined/ },
    { name: 'reaching for require', source: 'function main() { return require("fs"); }', kind: 'runtime', message: /'require' is not defined/ },
    { name: 'globalThis.process', source: 'function main() { return globalThis.process.env; }', kind: 'runtime', message: /of undefined/ },
    {
      name: 'a dynamic import',
      source: 'async function main() { const fs = await import("fs"); return { verified: !!fs }; }',
      kind: 'runtime',
      message: /modules are not available.*"fs"/,
    },
    { name: 'a static import', source: 'import fs from "fs";\nexport function main() {}', kind: 'runtime', message: /modules are not available/ },
    {
      name: "Function('return this')().process",
      source: 'function main() { return Function("return this")().process.env; }',
      kind: 'runtime',
      message: /of undefined/,
    },
    {
      name: "constructor.constructor('return process')()",
      source: 'function main() { return constructor.constructor("return process")(); }',
      kind: 'runtime',
      message: /'process' is not defined/,
    },
  ];

  for (const { name, source, kind, message } of cases) {
    // The limit that stopped it is in the error (kind and message); the test timeout bounds the rest.
    it(`stops ${name} with a ${kind} error, then runs a normal script`, async () => {
      expectFailure(await runPreprocess({ source, ctx: requestCtx() }), kind, message);
      await expectNormalScriptStillWorks();
    });
  }
});

describe('what a script can see', () => {
  it('sees only ECMAScript built-ins plus console, crypto, atob and btoa', async () => {
    const source = 'function main() { return { names: Object.getOwnPropertyNames(globalThis).sort() }; }';
    const result = await runPreprocess({ source, ctx: requestCtx(), limits: RELAXED });
    expect(result.ok).toBe(true);
    const names = result.ok ? (result.extra['names'] as string[]) : [];
    for (const host of ['process', 'require', 'module', 'global', 'Buffer', 'setTimeout', 'setInterval', 'fetch', 'XMLHttpRequest', 'WebAssembly', 'std', 'os', 'print']) {
      expect(names).not.toContain(host);
    }
    expect(names).toEqual(expect.arrayContaining(['console', 'crypto', 'atob', 'btoa', 'JSON', 'Promise']));
  });

  it('starts every run clean: globals and prototypes changed by one run are gone in the next', async () => {
    const polluter = `function main() {
      globalThis.leaked = "yes"; Object.prototype.polluted = "yes"; JSON.stringify = () => "{}";
      return { verified: true };
    }`;
    await runPreprocess({ source: polluter, ctx: requestCtx(), limits: RELAXED });
    const probe = 'function main() { return { leaked: typeof leaked, polluted: typeof ({}).polluted }; }';
    const result = await runPreprocess({ source: probe, ctx: requestCtx(), limits: RELAXED });
    expect(result).toMatchObject({ ok: true, extra: { leaked: 'undefined', polluted: 'undefined' } });
  });

  it('keeps concurrent runs apart: hostile and normal scripts started together each get their own result', async () => {
    const ctx = requestCtx({ headers: { 'x-ok': 'yes' } });
    const results = await Promise.all([
      runPreprocess({ source: 'function main() { while (true) {} }', ctx }),
      runPreprocess({ source: NORMAL_SCRIPT, ctx, limits: RELAXED }),
      runPreprocess({ source: 'function main() { let s = "x"; for (;;) s += s; }', ctx }),
      runPreprocess({ source: NORMAL_SCRIPT, ctx, limits: RELAXED }),
    ]);
    expect(results.map((r) => (r.ok ? r.verified : r.error.kind))).toEqual(['timeout', true, 'memory', true]);
  });

  it('honours a custom time limit', async () => {
    const result = await runPreprocess({ source: 'function main() { for (;;) {} }', ctx: requestCtx(), limits: { timeoutMs: 10 } });
    expectFailure(result, 'timeout', /time limit of 10 ms/);
  });
});
