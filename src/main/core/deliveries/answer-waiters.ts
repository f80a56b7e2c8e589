import type { SendResult } from './http-sender';

/**
 * Passthrough: receivers waiting for the answer an event's first delivery gets (or null when it
 * fails, or takes longer than the sender may wait).
 */
export function createAnswerWaiters() {
  const waiters = new Map<number, Array<(r: SendResult | null) => void>>();

  const finish = (eventId: number, result: SendResult | null) => {
    const list = waiters.get(eventId);
    if (!list) return;
    waiters.delete(eventId);
    for (const w of list) w(result);
  };

  return {
    finish,
    wait(eventId: number, timeoutMs: number): Promise<SendResult | null> {
      return new Promise((resolve) => {
        const handle = setTimeout(() => {
          const list = waiters.get(eventId)?.filter((w) => w !== done);
          if (list?.length) waiters.set(eventId, list);
          else waiters.delete(eventId);
          resolve(null);
        }, timeoutMs);
        const done = (r: SendResult | null) => {
          clearTimeout(handle);
          resolve(r);
        };
        waiters.set(eventId, [...(waiters.get(eventId) ?? []), done]);
      });
    },
    finishAll(): void {
      for (const id of [...waiters.keys()]) finish(id, null);
    },
  };
}
