import { maskSecrets } from './mask.js';
import { runPreprocess } from './run-preprocess.js';
import type { PreprocessInput, PreprocessResult, ScriptError } from './types.js';

/** A run plus a human-readable account of it, for the source editor's "Test script" button. */
export type ScriptTestReport = PreprocessResult & {
  /**
   * On failure: the error, its line in the user's source and a code frame around it. On success:
   * `verified` and each `preprocess.<key>` the mappings can read.
   */
  pretty: string;
};

const FRAME_CONTEXT_LINES = 2;

/** Runs the script exactly as a request would (same sandbox, same limits) and explains the outcome. */
export async function testScript(
  input: PreprocessInput,
  run: (input: PreprocessInput) => Promise<PreprocessResult> = runPreprocess,
): Promise<ScriptTestReport> {
  const result = await run(input);
  const secrets = (input.secretVarNames ?? [])
    .map((name) => (Object.hasOwn(input.ctx.vars, name) ? input.ctx.vars[name] : undefined))
    .filter((value): value is string => typeof value === 'string');
  const pretty = result.ok
    ? describeSuccess(result.verified, result.extra)
    : describeFailure(result.error, input.source);
  return { ...result, pretty: maskSecrets(pretty, secrets) };
}

function describeSuccess(verified: boolean | undefined, extra: Record<string, unknown>): string {
  const lines = [`verified: ${verified === undefined ? '(not set)' : String(verified)}`];
  for (const [key, value] of Object.entries(extra)) lines.push(`preprocess.${key} = ${JSON.stringify(value)}`);
  return lines.join('\n');
}

/** The error message, then `at line N` and the source around that line with a marker. */
export function describeFailure(error: ScriptError, source: string): string {
  const heading = `${error.message}`;
  if (error.line === undefined) return heading;
  const where = error.column === undefined ? `line ${error.line}` : `line ${error.line}, column ${error.column}`;
  return `${heading}\n  at ${where}\n\n${codeFrame(source, error.line, error.column)}`;
}

/** A few lines of `source` around `line` (1-based), the failing one marked with `>`. */
export function codeFrame(source: string, line: number, column?: number): string {
  const lines = source.split(/\r\n|\r|\n/);
  const first = Math.max(1, line - FRAME_CONTEXT_LINES);
  const last = Math.min(lines.length, line + FRAME_CONTEXT_LINES);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n += 1) {
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`.trimEnd());
    if (n === line && column !== undefined) out.push(`  ${' '.repeat(width)} | ${' '.repeat(column - 1)}^`);
  }
  return out.join('\n');
}
