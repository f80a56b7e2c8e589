import type { TunnelManager } from '../tunnel-manager.js';
import type { TunnelStatus } from '../tunnel-status.js';
import type { TimerHandle, Timers } from '../timers.js';

/** Records every status a manager publishes, and waits for the ones a test expects. */
export interface StatusLog {
  readonly all: TunnelStatus[];
  /**
   * Resolves with the first status after index `from` (default: everything seen so far) that
   * matches; rejects after `timeoutMs` naming what was seen instead.
   */
  next<S extends TunnelStatus['state']>(
    state: S,
    options?: { from?: number; timeoutMs?: number; where?: (status: Extract<TunnelStatus, { state: S }>) => boolean },
  ): Promise<Extract<TunnelStatus, { state: S }>>;
  dispose(): void;
}

export function watchStatuses(manager: TunnelManager): StatusLog {
  const all: TunnelStatus[] = [manager.status()];
  const waiters = new Set<() => void>();
  const unsubscribe = manager.onStatus((status) => {
    all.push(status);
    for (const waiter of [...waiters]) waiter();
  });

  return {
    all,
    next(state, options = {}) {
      type Match = Extract<TunnelStatus, { state: typeof state }>;
      const from = options.from ?? all.length;
      const matches = (status: TunnelStatus): status is Match =>
        status.state === state && (options.where?.(status as Match) ?? true);
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = all.slice(from).find(matches);
          if (!found) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no '${state}' status within ${options.timeoutMs ?? 10_000} ms; saw ${JSON.stringify(all.slice(from))}`));
        }, options.timeoutMs ?? 10_000);
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    dispose: unsubscribe,
  };
}

/** Real timers that keep count of what is still pending, to prove `stop()` leaves none. */
export function countingTimers(): Timers & { pending(): number } {
  const live = new Set<TimerHandle>();
  return {
    setTimeout(callback, ms) {
      const handle: TimerHandle = setTimeout(() => {
        live.delete(handle);
        callback();
      }, ms);
      live.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      live.delete(handle);
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
    pending: () => live.size,
  };
}
