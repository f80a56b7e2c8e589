import type { ApiInput, ApiMethod, ApiOutput } from './contract';
import type { PushEventName, PushPayload } from './events';
import { ApiCallError } from './result';
import type { Transport } from './transport';

/** The typed face of the contract over any transport. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  on<N extends PushEventName>(name: N, listener: (payload: PushPayload<N>) => void): () => void;
}

export const createApiClient = (transport: Transport): ApiClient => ({
  async call(method, input) {
    const result = await transport.invoke(method, input);
    if (!result.ok) throw new ApiCallError(result.error);
    // The host validated the output against the contract before sending it.
    return result.value as never;
  },
  on(name, listener) {
    return transport.subscribe((message) => {
      if (message.name === name) listener(message.payload as never);
    });
  },
});
