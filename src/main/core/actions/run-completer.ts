import { silentLogger, type Clock, type Logger } from '../ports';
import type { WorkspaceRepo } from '../store/repos/workspace.repo';
import { createRetryBackoff } from '../util/retry-backoff';

/** However far off the next due run is, look again this often (the clock may be moved, e.g. in tests). */
const MAX_WAIT_MS = 1_000;

export interface RunCompleterOptions {
  logger?: Logger;
  /** Tests: how often to look when nothing is due sooner. */
  maxWaitMs?: number;
}

/**
 * Completes paused workflow runs when their pause elapses on the workspace's clock. Readers that
 * must be exact (the runs list, a cancel) also complete due runs themselves; this timer makes the
 * stored state catch up in between. A failing pass (a database locked by another program) is
 * logged once and retried with backoff; nothing it throws leaves the timer.
 */
export function createRunCompleter(workspace: WorkspaceRepo, clock: Clock, options: RunCompleterOptions = {}) {
  const logger = options.logger ?? silentLogger;
  const maxWait = options.maxWaitMs ?? MAX_WAIT_MS;
  const backoff = createRetryBackoff({ what: 'completing paused workflow runs', logger, initialMs: 100, maxMs: 10_000 });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref();
  };

  function tick(): void {
    timer = undefined;
    if (stopped) return;
    let next: number | null;
    try {
      const now = clock.now();
      workspace.completeDueRuns(now);
      next = workspace.nextDueAt();
      backoff.succeeded();
      schedule(next === null ? maxWait : Math.max(0, Math.min(maxWait, next - now)));
    } catch (error) {
      schedule(backoff.failed(error));
    }
  }

  return {
    start(): void {
      schedule(0);
    },
    /** One pass now (tests, or after a trigger); returns how many runs completed. */
    completeNow(): number {
      return workspace.completeDueRuns(clock.now());
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
    get failures(): number {
      return backoff.failures;
    },
  };
}
export type RunCompleter = ReturnType<typeof createRunCompleter>;
