import { createApiClient, type ApiClient } from '../../../shared/api/client';
import type { PushMessage } from '../../../shared/api/events';
import { ApiFailure, fail, ok, type ApiResult } from '../../../shared/api/result';

type Handler = (input: unknown) => unknown;

/** An ApiClient over an in-memory transport: tests script the host's answers and push events. */
export function fakeApi(handlers: Record<string, Handler>): { api: ApiClient; push(m: PushMessage): void; calls: Array<[string, unknown]> } {
  const listeners = new Set<(m: PushMessage) => void>();
  const calls: Array<[string, unknown]> = [];
  const api = createApiClient({
    async invoke(method, input): Promise<ApiResult<unknown>> {
      calls.push([method, input]);
      const handler = handlers[method];
      if (!handler) return fail('not_found', `unknown method ${method}`);
      try {
        return ok(await handler(input));
      } catch (error) {
        // A scripted refusal answers as the dispatcher would: its code and issues unchanged.
        if (error instanceof ApiFailure) return fail(error.code, error.message, error.issues);
        return fail('internal', (error as Error).message);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return { api, calls, push: (m) => listeners.forEach((l) => l(m)) };
}
