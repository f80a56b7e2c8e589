/**
 * Every code an API error can carry. A type, not a zod enum: the `inlet` command attached to a
 * running host reads results through this module and should not load zod for six strings.
 */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unauthorized' | 'forbidden' | 'internal';

/**
 * One refused part of an input. `path` is exact — object keys and array indexes from the input's
 * root, as zod reports them (`['params', 'id']`, `['activeIn', 1]`); `[]` is the input as a whole.
 * Forms key their fields with {@link issuePath}, the dotted rendering (`params.id`, `activeIn.1`).
 */
export type ApiIssue = { path: Array<string | number>; message: string };

/** `issues` is present when the input was refused field by field (`invalid_input`). */
export type ApiError = { code: ErrorCode; message: string; issues?: ApiIssue[] };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: readonly ApiIssue[]): ApiResult<never> => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, message, issues: [...issues] } : { code, message },
});

/** The dotted form of an issue's path, for display and as a form's field key. */
export const issuePath = (issue: Pick<ApiIssue, 'path'>): string => issue.path.join('.');

/** Issues from zod (or anything shaped like its issues): symbol keys, which JSON can't carry, become text. */
export const toApiIssues = (issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>): ApiIssue[] =>
  issues.map((i) => ({ path: i.path.map((k) => (typeof k === 'number' ? k : String(k))), message: i.message }));

/**
 * The error's one-line message: a single issue reads in full (`params.id: users_identify needs "id"`);
 * several are counted and named, their messages left to `issues`.
 */
export function summarizeIssues(issues: readonly ApiIssue[]): string {
  const [only] = issues;
  if (issues.length === 1 && only) return only.path.length ? `${issuePath(only)}: ${only.message}` : only.message;
  const paths = [...new Set(issues.map((i) => (i.path.length ? issuePath(i) : 'the input')))];
  return `${paths.length} ${paths.length === 1 ? 'field is' : 'fields are'} invalid: ${paths.join(', ')}`;
}

/** An error a handler throws on purpose; its code, message and issues reach the caller unchanged. */
export class ApiFailure extends Error {
  readonly issues: ApiIssue[] | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    issues?: readonly ApiIssue[],
  ) {
    super(message);
    this.name = 'ApiFailure';
    this.issues = issues && issues.length > 0 ? [...issues] : undefined;
  }
}

/** A refusal naming the fields at fault; the message summarises them. */
export const invalidInput = (issues: readonly ApiIssue[]): ApiFailure => new ApiFailure('invalid_input', summarizeIssues(issues), issues);

/** Thrown by the client when a call fails, carrying the API error. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}
