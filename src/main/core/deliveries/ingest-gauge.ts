import { loopUtilization } from '../util/loop-utilization';

/** Ingest counts as busy while it writes this many events within WINDOW_MS (500 a second)… */
const BUSY_EVENTS = 50;
/** …or this many (100 a second) while the event loop was busy this share of the last window. */
const SATURATED_EVENTS = 10;
const SATURATED_UTILIZATION = 0.7;
const WINDOW_MS = 100;
/**
 * Busy lasts this long after the last busy window: a burst's rate wavers (the sender's own turns,
 * other processes on the cores), and each lull misjudged as its end sent the backlog at full speed.
 */
const HOLD_MS = 300;
/**
 * While ingest is busy, the delivery queue starts work this often (at most its concurrency each
 * time) and answered attempts are committed at most this often. At 25 ms the trickle and its
 * commits took ~12% of the host's CPU during a burst (profile); at 100 ms about a quarter of that,
 * mostly fixed costs per tick (the pump, a claim, a commit); at 250 ms under 2%.
 */
export const TRICKLE_MS = 250;

/**
 * Whether the receiver is taking a burst right now. Deliveries yield to it, as payload shapes do:
 * during a burst they trickle (a few per TRICKLE_MS, a small share of the CPU) and the backlog is
 * sent at full speed once the burst is over, so a destination costs ingest little more than the
 * rows written in the event's transaction. A burst is a high rate, or a lower one the host can
 * barely keep up with (a loaded machine: its event loop saturated) — there a destination
 * delivering at full speed would take the receiver's time. A developer's usual traffic (a few
 * events a second) never counts as busy, so it is delivered at once.
 */
export function createIngestGauge(now: () => number = () => performance.now(), utilization: () => number = loopUtilization(now)) {
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
      if (count >= BUSY_EVENTS || (count >= SATURATED_EVENTS && utilization() >= SATURATED_UTILIZATION)) busyUntil = t + HOLD_MS;
    },
    busy: (): boolean => now() < busyUntil,
  };
}
export type IngestGauge = ReturnType<typeof createIngestGauge>;
