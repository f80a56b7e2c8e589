import { ApiCallError, type ApiError, type ApiResult } from '../../../shared/api/result';

const PREFIX: Record<string, string> = {
  invalid_input: 'That was not accepted',
  not_found: 'Not found',
  conflict: 'Already exists',
  unauthorized: 'Not authorised',
  forbidden: 'Not allowed',
  internal: 'Something went wrong',
};

const isApiError = (v: unknown): v is ApiError =>
  typeof v === 'object' && v !== null && !(v instanceof Error) && typeof (v as ApiError).code === 'string' && typeof (v as ApiError).message === 'string';

/** The host's error as a sentence a user can act on. */
export function describeApiError(error: ApiError): string {
  // The host's conflict messages already say what exists; a prefix would say it twice.
  if (error.code === 'conflict') return error.message;
  return `${PREFIX[error.code] ?? 'Error'}: ${error.message}`;
}

/** Anything thrown or kept (an `ApiCallError`, an `ApiError`, an exception) as a sentence. */
export function describeError(error: unknown): string {
  if (error instanceof ApiCallError) return describeApiError(error.error);
  if (isApiError(error)) return describeApiError(error);
  return error instanceof Error ? error.message : String(error);
}

/** A failed result's error in words; null for success — what a form's error line shows. */
export const errorText = (result: ApiResult<unknown>): string | null => (result.ok ? null : describeApiError(result.error));
