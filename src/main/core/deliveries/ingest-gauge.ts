/** Ingest counts as busy while it writes this many events within WINDOW_MS (500 a second). */
const BUSY_EVENTS = 50;
const WINDOW_MS = 100;
/**
 * While ingest is busy, the delivery queue starts work this often (at most its concurrency each
 * time) and answered attempts are committed at most this often. At 25 ms the trickle and its
 * commits took ~12% of the host's CPU during a burst (profile); at 100 ms about a quarter of that.
 */
export const TRICKLE_MS = 100;

/**
 * Whether the receiver is taking a burst right now. Deliveries yield to it, as payload shapes do:
 * during a burst they trickle (a few per TRICKLE_MS, a small share of the CPU) and the backlog is
 * sent at full speed once the burst is over, so a destination costs ingest little more than the
 * delivery rows written in the event's transaction. A developer's usual traffic (a few events a
 * second) never counts as busy, so it is delivered at once.
 */
export function createIngestGauge(now: () => number = () => performance.now()) {
  let windowStart = -Infinity;
  let count = 0;
  let busyUntil = -Infinity;
  return {
    /** Called in the ingest writer with the size of each batch it writes. */
    note(events: number): void {
      const t = now();
      if (t - windowStart > WINDOW_MS) {
        windowStart = t;
        count = 0;
      }
      count += events;
      if (count >= BUSY_EVENTS) busyUntil = t + WINDOW_MS;
    },
    busy: (): boolean => now() < busyUntil,
  };
}
export type IngestGauge = ReturnType<typeof createIngestGauge>;
