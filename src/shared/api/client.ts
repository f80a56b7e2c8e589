import type { ApiInput, ApiMethod, ApiOutput } from './contract';
import type { PushEventName, PushPayload } from './events';
import { ApiCallError, type ApiError, type ApiResult } from './result';
import type { Transport } from './transport';

/** The typed face of the contract over any transport. */
export interface ApiClient {
  /** The output, or throws an {@link ApiCallError} carrying the host's error. */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  /** Never throws: the output, or the host's error with its code and issues, for state that keeps it. */
  result<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>>;
  on<N extends PushEventName>(name: N, listener: (payload: PushPayload<N>) => void): () => void;
}

/** Any failure as an API error: the host's own unchanged, anything else (a broken transport) as `internal`. */
export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiCallError ? error.error : { code: 'internal', message: error instanceof Error ? error.message : String(error) };

export const createApiClient = (transport: Transport): ApiClient => ({
  async call(method, input) {
    const result = await transport.invoke(method, input);
    if (!result.ok) throw new ApiCallError(result.error);
    // Not checked here: the dispatcher validates inputs only; outputs are typed by the handlers
    // against the contract (a missing or mistyped field is a compile error in the core).
    return result.value as never;
  },
  async result(method, input) {
    try {
      return (await transport.invoke(method, input)) as never;
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  },
  on(name, listener) {
    return transport.subscribe((message) => {
      if (message.name === name) listener(message.payload as never);
    });
  },
});
