/** How long to wait between reconnect attempts. */
export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  initialMs: number;
  /** No delay is ever longer than this, jitter included. */
  maxMs: number;
  /** Share of the delay that is randomised (0–1), so many clients don't retry in lock-step. */
  jitter: number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 1_000, maxMs: 30_000, jitter: 0.3 };

/**
 * Delay before attempt `attempt` (1-based): exponential, capped, with the top `jitter` share
 * randomised downwards so the cap still holds.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(exponent, 30));
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(base * (1 - jitter * random()));
}
