import type { Logger } from '../ports';
import { backoffDelay } from '../tunnel/backoff';
import { isBusy } from './sqlite-errors';

export interface RetryBackoffOptions {
  /** What is retried, as the log says it: "full-text indexing". */
  what: string;
  logger: Logger;
  initialMs: number;
  maxMs: number;
  /** Share of each delay that is randomised, so retries don't line up with another program's. */
  jitter?: number;
  random?: () => number;
}

/**
 * The retry state of one background job. A failing streak is logged once when it starts and once
 * when it ends, not on every attempt, so a database locked for an hour doesn't fill the log.
 */
export function createRetryBackoff(o: RetryBackoffOptions) {
  let attempt = 0;
  let firstFailureAt = 0;
  const options = { initialMs: o.initialMs, maxMs: o.maxMs, jitter: o.jitter ?? 0.5 };
  const random = o.random ?? Math.random;

  return {
    /** Records a failure; returns how long to wait before the next attempt. */
    failed(error: unknown): number {
      attempt += 1;
      const delay = backoffDelay(attempt, options, random);
      if (attempt === 1) {
        firstFailureAt = Date.now();
        const reason = isBusy(error) ? 'the database is locked by another program' : 'it failed';
        o.logger.warn(`${o.what} paused: ${reason}; retrying with backoff`, { error: String(error) });
      }
      return delay;
    },
    /** Ends a failing streak, if there was one. */
    succeeded(): void {
      if (attempt === 0) return;
      o.logger.info(`${o.what} resumed after ${attempt} failed attempts over ${Date.now() - firstFailureAt} ms`);
      attempt = 0;
    },
    /** Failed attempts in the current streak (0 when healthy). */
    get failures(): number {
      return attempt;
    },
    /** How long the current streak has lasted, in ms (0 when healthy). */
    get failingForMs(): number {
      return attempt === 0 ? 0 : Date.now() - firstFailureAt;
    },
  };
}
export type RetryBackoff = ReturnType<typeof createRetryBackoff>;
