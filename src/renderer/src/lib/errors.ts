import { ApiCallError } from '../../../shared/api/result';

const PREFIX: Record<string, string> = {
  invalid_input: 'That was not accepted',
  not_found: 'Not found',
  conflict: 'Already exists',
  unauthorized: 'Not authorised',
  forbidden: 'Not allowed',
  internal: 'Something went wrong',
};

/** An error as a sentence a user can act on. */
export function describeError(error: unknown): string {
  if (error instanceof ApiCallError) {
    // The host's conflict messages already say what exists; a prefix would say it twice.
    if (error.error.code === 'conflict') return error.error.message;
    return `${PREFIX[error.error.code] ?? 'Error'}: ${error.error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
