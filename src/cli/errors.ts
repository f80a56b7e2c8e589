import type { ApiCallError, ApiError } from '../shared/api/result';

/** Documented exit codes (docs/cli.md). */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** A failure the command explains itself: one line, and the exit code it means. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const badInput = (message: string): CliError => new CliError(message, EXIT.badInput);

/** The host refused what was asked (bad input, unknown id) → 2; anything else that failed → 1. */
export function exitCodeOf(error: ApiError): number {
  return error.code === 'invalid_input' || error.code === 'not_found' ? EXIT.badInput : EXIT.failed;
}

/**
 * Told apart by name, not `instanceof`: importing the class would load zod (result.ts builds its
 * schemas at import) into every command's start, `--help` included.
 */
const isApiCallError = (error: unknown): error is ApiCallError =>
  error instanceof Error && error.name === 'ApiCallError' && typeof (error as { error?: unknown }).error === 'object';

/** Any thrown value as the one line the user reads, and its exit code. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (isApiCallError(error)) {
    const issues = error.error.issues ?? [];
    const detail = issues.length > 1 ? ` (${issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')})` : '';
    return { message: `${error.error.message}${detail}`, exitCode: exitCodeOf(error.error) };
  }
  return { message: error instanceof Error ? error.message : String(error), exitCode: EXIT.failed };
}
