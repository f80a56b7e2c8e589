/** What an attempt's result means for the delivery. */
export type Verdict = { kind: 'delivered' } | { kind: 'final' } | { kind: 'retry'; notBeforeMs: number } | { kind: 'refused' };

/** The parts of an attempt's result the policy looks at. */
export interface AttemptResult {
  status: number | null;
  retryAfter: string | null;
  /** Set when no answer came: `refused` (nothing listening), `timeout`, or another network error. */
  failure: 'refused' | 'timeout' | 'network' | null;
}

/** `Retry-After` as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * 2xx is delivered; network errors, timeouts, 5xx, 408 and 429 are retried (429 and 503 no sooner
 * than their Retry-After says); other answers (3xx, 4xx) are final: the app said no, and sending
 * the same bytes again would not change its mind. Nothing listening is `refused`: the service holds
 * the destination instead of spending the retry schedule.
 */
export function judgeAttempt(r: AttemptResult, now: number): Verdict {
  if (r.failure === 'refused') return { kind: 'refused' };
  if (r.failure !== null || r.status === null) return { kind: 'retry', notBeforeMs: 0 };
  if (r.status >= 200 && r.status < 300) return { kind: 'delivered' };
  if (r.status >= 500 || r.status === 408 || r.status === 429) return { kind: 'retry', notBeforeMs: retryAfterMs(r.retryAfter, now) ?? 0 };
  return { kind: 'final' };
}

/**
 * When attempt `n + 1` is due after attempt `n` (1-based) failed: the schedule's next step, with up
 * to 10 % jitter so a burst of failures does not come back as one burst; null when the schedule is
 * spent.
 */
export function nextAttemptAt(schedule: readonly number[], attemptsMade: number, now: number, notBeforeMs: number, random: () => number): number | null {
  const step = schedule[attemptsMade];
  if (step === undefined) return null;
  const jitter = step * 1000 * 0.1 * random();
  return now + Math.max(step * 1000 + Math.round(jitter), notBeforeMs);
}
