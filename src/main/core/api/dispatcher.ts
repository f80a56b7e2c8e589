import { contract, isApiMethod, type ApiMethod, type ApiOutput, type ApiParsedInput } from '../../../shared/api/contract';
import type { ConfigChange } from '../../../shared/api/events';
import { ApiFailure, fail, ok, summarizeIssues, toApiIssues, type ApiResult } from '../../../shared/api/result';

/** Who is calling; transports fill it in. */
export interface CallCtx {
  transport: 'ipc' | 'http' | 'internal';
}

/** One handler per contract method; a missing one is a compile error. */
export type Handlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>, ctx: CallCtx) => Promise<ApiOutput<M>> | ApiOutput<M>;
};

export type Dispatch = (method: unknown, input: unknown, ctx: CallCtx) => Promise<ApiResult<unknown>>;

export interface DispatcherHooks {
  onInternalError?(method: string, error: unknown): void;
  /** After a successful call of a method whose contract entry declares what it changes. */
  onChanged?(changes: readonly ConfigChange[]): void;
}

const NO_CHANGES: readonly ConfigChange[] = [];

/** What a method declares it changes; empty for read-only methods and those changing no configuration. */
export const changesOf = (method: ApiMethod): readonly ConfigChange[] => {
  const entry = contract[method];
  return 'changes' in entry ? entry.changes : NO_CHANGES;
};

/** Whether a method's contract entry says what it changes (`[]` counts: it was thought about). */
export const declaresChanges = (method: ApiMethod): boolean => 'changes' in contract[method];

export const createDispatcher =
  (handlers: Handlers, { onInternalError = () => {}, onChanged = () => {} }: DispatcherHooks = {}): Dispatch =>
  async (method, raw, ctx) => {
    if (!isApiMethod(method)) return fail('not_found', `unknown method ${String(method)}`);
    const parsed = contract[method].input.safeParse(raw ?? {});
    if (!parsed.success) {
      const issues = toApiIssues(parsed.error.issues);
      return fail('invalid_input', summarizeIssues(issues), issues);
    }
    try {
      const handler = handlers[method] as (input: unknown, ctx: CallCtx) => unknown;
      const result = ok(await handler(parsed.data, ctx));
      const changes = changesOf(method);
      if (changes.length > 0) onChanged(changes);
      return result;
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error.code, error.message, error.issues);
      onInternalError(method, error);
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  };
