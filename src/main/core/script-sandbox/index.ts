/**
 * The preprocess-script sandbox: Knock-style `main(ctx)` scripts run in QuickJS compiled to
 * WebAssembly, one fresh runtime per run. See README.md for the globals scripts can use.
 */
export { runPreprocess, warmUpSandbox } from './run-preprocess.js';
export { testScript, codeFrame, type ScriptTestReport } from './test-script.js';
export {
  createWorkerRunner,
  inThreadRunner,
  BUSY_MESSAGE,
  CANCELLED_MESSAGE,
  type RunOptions,
  type SandboxRunner,
  type WorkerPool,
  type WorkerPoolOptions,
} from './runner.js';
export { createMasker, maskSecrets, maskSecretsDeep, SECRET_MASK, type Masker } from './mask.js';
export {
  CUSTOM_HTTP_SCRIPT,
  SUPABASE_DATABASE_SCRIPT,
  DEFAULT_SCRIPTS,
  type DefaultScript,
  type ScriptVar,
} from './default-scripts.js';
export {
  DEFAULT_LIMITS,
  type PreprocessContext,
  type PreprocessInput,
  type PreprocessLimits,
  type PreprocessResult,
  type ScriptError,
  type ScriptErrorKind,
} from './types.js';
