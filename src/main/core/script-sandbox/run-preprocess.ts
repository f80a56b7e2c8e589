import { Scope, type QuickJSWASMModule } from 'quickjs-emscripten';
import { Deadline } from './deadline.js';
import { discardEngine, loadEngine } from './engine.js';
import { LogBuffer } from './log-buffer.js';
import { createMasker, maskSecretsDeep } from './mask.js';
import { ScriptRun, type RunOutcome } from './script-run.js';
import {
  DEFAULT_LIMITS,
  type PreprocessInput,
  type PreprocessLimits,
  type PreprocessResult,
  type ScriptError,
} from './types.js';

type Validated = { ok: true; verified: boolean | undefined; extra: Record<string, unknown> } | { ok: false; error: ScriptError };

/**
 * Runs a preprocess script's `main(ctx)` in a fresh QuickJS runtime (WebAssembly) with time,
 * memory and stack limits, and returns `{verified, extra}` or a typed error. Never throws for
 * anything the script does; secret vars are masked in logs, error messages and string extras.
 */
export async function runPreprocess(input: PreprocessInput): Promise<PreprocessResult> {
  const engine = await loadEngine();
  const started = performance.now();
  const limits = resolveLimits(input.limits);
  const logs = new LogBuffer(limits.maxLogLines, limits.maxLogLineChars);
  const validated = validate(execute(engine, input, limits, logs), limits);
  const mask = createMasker(secretValuesOf(input));
  const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
  const maskedLogs = logs.lines().map(mask);
  if (!validated.ok) {
    const error = { ...validated.error, message: mask(validated.error.message) };
    return { ok: false, error, durationMs, logs: maskedLogs };
  }
  const extra = maskSecretsDeep(validated.extra, mask) as Record<string, unknown>;
  return { ok: true, verified: validated.verified, extra, durationMs, logs: maskedLogs };
}

const WARM_UP_SOURCE = `async function main(ctx) {
  console.log(ctx.rawBody);
  return { verified: crypto.timingSafeEqual(crypto.hmac("sha256", "k", ctx.rawBody), ""), n: [1, "a"] };
}`;

/**
 * Loads the engine and runs a few trivial scripts, so the first real request pays neither the
 * WebAssembly compile nor its warm-up. Call at startup; skipping it is safe, just slower once.
 */
export async function warmUpSandbox(): Promise<void> {
  const ctx = { vars: {}, body: { a: 1 }, rawBody: '{"a":1}', headers: {} };
  for (let i = 0; i < 20; i += 1) {
    await runPreprocess({ source: WARM_UP_SOURCE, ctx, limits: { timeoutMs: 5_000 } });
  }
}

function execute(
  engine: QuickJSWASMModule,
  input: PreprocessInput,
  limits: PreprocessLimits,
  logs: LogBuffer,
): RunOutcome {
  const ctxJson = contextJson(input.ctx);
  if (ctxJson === undefined) {
    return { ok: false, error: { kind: 'sandbox', message: 'The request is nested too deeply to hand to the script; the script did not run.' } };
  }
  // Set once the script has an outcome: tearing down a runtime left with pending promises (a chain
  // stopped at its time limit) can abort the engine, and that must not hide why the script stopped.
  let outcome: RunOutcome | undefined;
  try {
    const runtime = engine.newRuntime();
    try {
      const deadline = new Deadline();
      runtime.setInterruptHandler(() => deadline.passed());
      runtime.setMaxStackSize(limits.stackBytes);
      runtime.setModuleLoader((name) => ({
        error: new Error(`modules are not available in preprocess scripts (tried to import "${name}")`),
      }));
      const context = runtime.newContext();
      try {
        outcome = Scope.withScope((scope) =>
          new ScriptRun(runtime, context, scope, deadline, limits, logs).execute(input.source, ctxJson),
        );
        return outcome;
      } finally {
        context.dispose();
      }
    } finally {
      runtime.dispose();
    }
  } catch (error) {
    // Only the engine itself can land here (scripts' errors are values); don't reuse it.
    discardEngine(engine);
    if (outcome) return outcome;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { kind: 'runtime', message: `The script sandbox failed: ${message}` } };
  }
}

/** The context as the script will see it; undefined when it can't be serialised (too deep). */
function contextJson({ vars, body, rawBody, headers }: PreprocessInput['ctx']): string | undefined {
  try {
    return JSON.stringify({ vars, body: body ?? null, rawBody, headers });
  } catch {
    return undefined;
  }
}

function validate(outcome: RunOutcome, limits: PreprocessLimits): Validated {
  if (!outcome.ok) return outcome;
  const bytes = Buffer.byteLength(outcome.json, 'utf8');
  if (bytes > limits.maxResultBytes) {
    return invalid(`The result is ${bytes} bytes of JSON; the limit is ${limits.maxResultBytes}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(outcome.json);
  } catch {
    return invalid('The result could not be serialised as JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return invalid('main must return an object such as { verified: true }');
  }
  const { verified, ...extra } = parsed as Record<string, unknown>;
  if (verified !== undefined && typeof verified !== 'boolean') {
    return invalid('"verified" must be true, false or left out');
  }
  return { ok: true, verified, extra };
}

const invalid = (message: string): Validated => ({ ok: false, error: { kind: 'invalid_result', message } });

function resolveLimits(overrides: Partial<PreprocessLimits> | undefined): PreprocessLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof PreprocessLimits)[]) {
    const value = overrides?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = value;
  }
  return limits;
}

function secretValuesOf(input: PreprocessInput): string[] {
  const values: string[] = [];
  for (const name of input.secretVarNames ?? []) {
    const value = Object.hasOwn(input.ctx.vars, name) ? input.ctx.vars[name] : undefined;
    if (typeof value === 'string' && value.length > 0) values.push(value);
  }
  return values;
}
