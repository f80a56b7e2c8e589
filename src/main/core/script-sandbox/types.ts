/** What a preprocess script's `main(ctx)` receives — Knock's `{vars, body, rawBody, headers}`. */
export interface PreprocessContext {
  /** The environment's variables, secret ones included (see `secretVarNames`). */
  vars: Readonly<Record<string, string>>;
  /** The parsed body; `null` when the body is not JSON. */
  body: unknown;
  /** The body exactly as received, decoded as UTF-8. */
  rawBody: string;
  /** Header names lower-cased, as everywhere else in Inlet. */
  headers: Readonly<Record<string, string | readonly string[]>>;
}

/** Resource limits of one run. Every field has a default (see `DEFAULT_LIMITS`). */
export interface PreprocessLimits {
  /** Wall-clock budget for the script itself, async continuations included. */
  timeoutMs: number;
  /** Heap the script may allocate on top of its inputs. */
  memoryBytes: number;
  /** Interpreter stack; bounds recursion depth. */
  stackBytes: number;
  /** `console.*` calls kept; later ones are counted, not stored. */
  maxLogLines: number;
  /** Characters kept per log line. */
  maxLogLineChars: number;
  /** Size of the JSON-serialised result; extras are stored with every event. */
  maxResultBytes: number;
}

export const DEFAULT_LIMITS: Readonly<PreprocessLimits> = Object.freeze({
  timeoutMs: 50,
  memoryBytes: 16 * 1024 * 1024,
  stackBytes: 256 * 1024,
  maxLogLines: 100,
  maxLogLineChars: 1_000,
  maxResultBytes: 64 * 1024,
});

export interface PreprocessInput {
  /** The script's source; it defines (or exports) `main(ctx)`, which may be async. */
  source: string;
  ctx: PreprocessContext;
  limits?: Partial<PreprocessLimits>;
  /**
   * Names of the `vars` whose values are secret. Their values are replaced by `••••` in logs,
   * error messages and string extras.
   */
  secretVarNames?: readonly string[];
}

/**
 * `busy`: the source's queue was full or the sandbox is shutting down, so the script did not run
 * (retry later); `cancelled`: the client left before it ran; `sandbox`: the request could not
 * reach the sandbox, or the sandbox failed.
 */
export type ScriptErrorKind = 'syntax' | 'runtime' | 'timeout' | 'memory' | 'invalid_result' | 'busy' | 'cancelled' | 'sandbox';

export interface ScriptError {
  kind: ScriptErrorKind;
  message: string;
  /** 1-based line in the user's source, when the engine reports one. */
  line?: number;
  /** 1-based column; this QuickJS build reports lines only, so it is usually absent. */
  column?: number;
}

export type PreprocessResult =
  | {
      ok: true;
      /** `undefined` when the script left `verified` out. */
      verified: boolean | undefined;
      /** Every other key of the returned object; readable as `preprocess.<key>` in mappings. */
      extra: Record<string, unknown>;
      durationMs: number;
      logs: string[];
    }
  | { ok: false; error: ScriptError; durationMs: number; logs: string[] };
