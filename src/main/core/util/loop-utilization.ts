/** Utilization is measured over windows at least this long. */
const WINDOW_MS = 100;

/**
 * The event loop's utilization (share of wall time not spent waiting for I/O) over the last
 * window of at least WINDOW_MS, measured when asked.
 */
export function loopUtilization(now: () => number = () => performance.now()): () => number {
  let last = performance.eventLoopUtilization();
  let lastAt = now();
  let value = 0;
  return () => {
    const t = now();
    if (t - lastAt >= WINDOW_MS) {
      const current = performance.eventLoopUtilization();
      value = performance.eventLoopUtilization(current, last).utilization;
      last = current;
      lastAt = t;
    }
    return value;
  };
}
