import type { Clock } from '../ports';

export interface DroppedSummary {
  /** Records not stored in the window. */
  count: number;
  /** What they would have cost (bytes, or records), summed. */
  cost: number;
  windowMs: number;
}

export interface LogBudgetOptions {
  /** What may be stored per window; beyond it, records are counted instead. */
  capPerWindow: number;
  windowMs: number;
  clock: Clock;
  /** Called once per window in which something was dropped, when that window ends. */
  onDropped(summary: DroppedSummary): void;
}

/**
 * A per-window allowance for records a sender can produce without any secret (unknown endpoints,
 * refused connections): within it each record is stored; beyond it they are only counted, and one
 * summary replaces them. One timer per window with drops, none per request.
 */
export function createLogBudget({ capPerWindow, windowMs, clock, onDropped }: LogBudgetOptions) {
  let windowStart = -Infinity;
  let spent = 0;
  let dropped = 0;
  let droppedCost = 0;
  let timer: NodeJS.Timeout | undefined;

  const report = () => {
    clearTimeout(timer);
    timer = undefined;
    if (dropped === 0) return;
    const summary = { count: dropped, cost: droppedCost, windowMs };
    dropped = 0;
    droppedCost = 0;
    onDropped(summary);
  };

  return {
    /** True when a record of this cost may be stored now; false when it was counted as dropped. */
    take(cost: number): boolean {
      const now = clock.now();
      if (now - windowStart >= windowMs) {
        report();
        windowStart = now;
        spent = 0;
      }
      if (spent + cost <= capPerWindow) {
        spent += cost;
        return true;
      }
      dropped += 1;
      droppedCost += cost;
      timer ??= setTimeout(report, Math.max(0, windowStart + windowMs - now)).unref();
      return false;
    },
    /** Reports what was dropped so far (on shutdown). */
    flush: report,
  };
}
export type LogBudget = ReturnType<typeof createLogBudget>;
