import { offThreadTarget } from '../../api/off-thread';
import type { LargeBody } from './body-rows';
import { BodyLoadError, prepareBody, type BodyAnswer, type BodyRequest } from './body-request';

export interface LargeBodyLoad {
  promise: Promise<LargeBody>;
  /** Stops the worker; the promise never settles after this. */
  cancel(): void;
}

/** Formats (and for `fetch`, first fetches) a large body in a worker; in place where workers don't exist (unit tests). */
export function loadLargeBody(request: BodyRequest): LargeBodyLoad {
  if (typeof Worker === 'undefined') return { promise: prepareBody(request), cancel: () => {} };
  const worker = new Worker(new URL('./body-load.worker.ts', import.meta.url), { type: 'module' });
  const promise = new Promise<LargeBody>((resolve, reject) => {
    worker.onmessage = (message: MessageEvent<BodyAnswer>) => {
      worker.terminate();
      if (message.data.ok) resolve(message.data.body);
      // The error's class does not cross the worker boundary: its stage says which it was.
      else reject(message.data.stage === 'load' ? new BodyLoadError(message.data.message) : new Error(message.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The body could not be prepared.'));
    };
  });
  worker.postMessage(request);
  return { promise, cancel: () => worker.terminate() };
}

/** The request that has a worker fetch event `id`'s body itself; null without an HTTP host (Electron). */
export function offThreadBodyRequest(id: number): BodyRequest | null {
  const target = offThreadTarget();
  return target ? { kind: 'fetch', url: target.url('events.get'), token: target.token, id } : null;
}
