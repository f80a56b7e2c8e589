import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, Scope } from 'quickjs-emscripten';
import type { Deadline } from './deadline.js';
import { atob, btoa, hash, hmac, stringsEqual } from './host-crypto.js';
import type { LogBuffer } from './log-buffer.js';
import { PRELUDE_FILE, PRELUDE_SOURCE } from './prelude.js';
import { classifyThrown, SCRIPT_FILE, timeoutError, type ErrorPhase, type ThrownValue } from './script-error.js';
import type { PreprocessLimits, ScriptError } from './types.js';

/** What a run produced before host-side validation and masking. */
export type RunOutcome = { ok: true; json: string } | { ok: false; error: ScriptError };

type Step<T> = { value: T; error?: undefined } | { error: ScriptError };

interface PreludeApi {
  parse: QuickJSHandle;
  finish: QuickJSHandle;
  describeError: QuickJSHandle;
  findMain: QuickJSHandle;
}

/** Jobs run between deadline checks while an async `main` settles. */
const JOB_BATCH = 256;
/** Time and heap granted for reading a thrown value after the script's own budget is spent. */
const GRACE_MS = 25;
const GRACE_BYTES = 1024 * 1024;
const NEVER_SETTLES =
  'main returned a promise that never settles: the sandbox has no timers or I/O to wait for';
/** `export`/`import` at the start of a line: the script is an ES module (`export function main`). */
const MODULE_SYNTAX = /^\s*(?:export|import)\s/m;

/**
 * One execution of a script inside a fresh QuickJS runtime. Every handle is owned by `scope`, so
 * the runtime can be freed whatever happens; nothing but strings crosses back to the host.
 */
export class ScriptRun {
  private api!: PreludeApi;

  constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    private readonly scope: Scope,
    private readonly deadline: Deadline,
    private readonly limits: PreprocessLimits,
    private readonly logs: LogBuffer,
  ) {}

  execute(source: string, ctxJson: string): RunOutcome {
    this.api = this.installPrelude();
    const ctx = this.call(this.api.parse, this.scope.manage(this.context.newString(ctxJson)));
    this.limitMemory(this.limits.memoryBytes);
    this.deadline.arm(this.limits.timeoutMs);

    const main = this.loadMain(source);
    if (main.error) return { ok: false, error: main.error };
    const called = this.context.callFunction(main.value, this.context.undefined, ctx);
    if (called.error) return { ok: false, error: this.thrown(this.scope.manage(called.error), 'run') };
    const settled = this.settle(this.scope.manage(called.value), 'run');
    if (settled.error) return { ok: false, error: settled.error };
    return this.finish(settled.value);
  }

  private installPrelude(): PreludeApi {
    const { context, scope } = this;
    const install = scope.manage(context.unwrapResult(context.evalCode(PRELUDE_SOURCE, PRELUDE_FILE)));
    const host = scope.manage(context.newObject());
    const fns: Record<string, (...args: string[]) => string | boolean | void> = {
      log: (level = '', line = '') => this.logs.push(level, line),
      hmac: (algorithm = '', key = '', message = '', encoding = '', keyEncoding = '') =>
        hmac(algorithm, key, message, encoding, keyEncoding),
      hash: (algorithm = '', message = '', encoding = '') => hash(algorithm, message, encoding),
      equal: (a = '', b = '') => stringsEqual(a, b),
      atob: (data = '') => atob(data),
      btoa: (data = '') => btoa(data),
    };
    for (const [name, fn] of Object.entries(fns)) {
      const handle = scope.manage(context.newFunction(name, (...args) => this.toVm(fn(...args.map((a) => this.text(a))))));
      context.setProp(host, name, handle);
    }
    const api = this.call(install, host);
    const get = (name: keyof PreludeApi): QuickJSHandle => scope.manage(context.getProp(api, name));
    return { parse: get('parse'), finish: get('finish'), describeError: get('describeError'), findMain: get('findMain') };
  }

  private loadMain(source: string): Step<QuickJSHandle> {
    const isModule = MODULE_SYNTAX.test(source);
    const evaluated = this.context.evalCode(source, SCRIPT_FILE, { type: isModule ? 'module' : 'global' });
    if (evaluated.error) return { error: this.thrown(this.scope.manage(evaluated.error), 'load') };
    const value = this.scope.manage(evaluated.value);
    let main: QuickJSHandle;
    if (isModule) {
      const exports = this.settle(value, 'load');
      if (exports.error) return exports;
      main = this.scope.manage(this.context.getProp(exports.value, 'main'));
    } else {
      const found = this.context.callFunction(this.api.findMain, this.context.undefined);
      if (found.error) return { error: this.thrown(this.scope.manage(found.error), 'load') };
      main = this.scope.manage(found.value);
    }
    if (this.context.typeof(main) === 'function') return { value: main };
    const shape = isModule ? 'export async function main(ctx) { … }' : 'async function main(ctx) { … }';
    return { error: { kind: 'runtime', message: `The script must define main: ${shape}` } };
  }

  /** Runs queued jobs until `handle` (a promise or a plain value) settles or the budget runs out. */
  private settle(handle: QuickJSHandle, phase: ErrorPhase): Step<QuickJSHandle> {
    for (;;) {
      const state = this.context.getPromiseState(handle);
      if (state.type === 'fulfilled') {
        return { value: state.notAPromise ? handle : this.scope.manage(state.value) };
      }
      if (state.type === 'rejected') return { error: this.thrown(this.scope.manage(state.error), phase) };
      if (this.deadline.passed()) return { error: timeoutError(this.limits) };
      const jobs = this.runtime.executePendingJobs(JOB_BATCH);
      if (jobs.error) return { error: this.thrown(this.scope.manage(jobs.error), phase) };
      if (jobs.value === 0) {
        return { error: { kind: 'timeout', message: NEVER_SETTLES } };
      }
    }
  }

  private finish(result: QuickJSHandle): RunOutcome {
    const finished = this.context.callFunction(this.api.finish, this.context.undefined, result);
    if (finished.error) return { ok: false, error: this.thrown(this.scope.manage(finished.error), 'run') };
    const report = this.scope.manage(finished.value);
    const problem = this.scope.manage(this.context.getProp(report, 'error'));
    if (this.context.typeof(problem) === 'string') {
      return { ok: false, error: { kind: 'invalid_result', message: this.context.getString(problem) } };
    }
    const json = this.scope.manage(this.context.getProp(report, 'json'));
    if (this.context.typeof(json) !== 'string') {
      return { ok: false, error: { kind: 'invalid_result', message: 'The result could not be serialised as JSON' } };
    }
    return { ok: true, json: this.context.getString(json) };
  }

  /** Reads a thrown value with a small fresh budget, since the script's own may be spent. */
  private thrown(error: QuickJSHandle, phase: ErrorPhase): ScriptError {
    const deadlinePassed = this.deadline.passed();
    this.deadline.arm(GRACE_MS);
    this.limitMemory(GRACE_BYTES);
    const described = this.context.callFunction(this.api.describeError, this.context.undefined, error);
    let thrown: ThrownValue = { message: 'the script threw a value that cannot be read' };
    if (described.error) {
      described.error.dispose();
    } else {
      const json = this.scope.manage(described.value);
      if (this.context.typeof(json) === 'string') thrown = JSON.parse(this.context.getString(json)) as ThrownValue;
    }
    return classifyThrown(thrown, phase, this.limits, deadlinePassed);
  }

  /** Calls a prelude function that must not fail; a failure here is a bug, not the script's. */
  private call(fn: QuickJSHandle, arg: QuickJSHandle): QuickJSHandle {
    return this.scope.manage(this.context.unwrapResult(this.context.callFunction(fn, this.context.undefined, arg)));
  }

  /** Caps the heap at what is in use now plus `allowance`, so inputs don't eat the script's budget. */
  private limitMemory(allowance: number): void {
    this.runtime.setMemoryLimit(-1);
    const usage = this.runtime.computeMemoryUsage();
    try {
      const used = this.context.getProp(usage, 'memory_used_size');
      const bytes = this.context.getNumber(used);
      used.dispose();
      this.runtime.setMemoryLimit(Math.ceil(bytes) + allowance);
    } finally {
      usage.dispose();
    }
  }

  private text(handle: QuickJSHandle): string {
    if (this.context.typeof(handle) !== 'string') throw new TypeError('expected a string');
    return this.context.getString(handle);
  }

  private toVm(value: string | boolean | void): QuickJSHandle | undefined {
    if (typeof value === 'string') return this.context.newString(value);
    if (typeof value === 'boolean') return value ? this.context.true : this.context.false;
    return undefined;
  }
}
