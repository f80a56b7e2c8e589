import type { ApiResult } from './result';
import type { PushMessage } from './events';

/** What a renderer needs from a host: one call path and one push stream (IPC or HTTP). */
export interface Transport {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (message: PushMessage) => void): () => void;
}
