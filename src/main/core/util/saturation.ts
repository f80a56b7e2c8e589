import { loopUtilization } from './loop-utilization';

/**
 * The event loop counts as saturated at or above this utilization: requests queue behind each
 * other, and a background thread taking a core then adds to every one's wait. At 50 connections
 * driven as fast as they go the receiver's loop runs at ~0.95; at half that rate, ~0.5.
 */
const SATURATED_AT = 0.8;
/** How often the flag is brought up to date. */
const EVERY_MS = 100;
/** Senders' requests count as still arriving for this long after the last was committed. */
const RECEIVING_MS = 250;
/**
 * Once set, the flag holds while requests keep arriving until the loop has stayed under
 * SATURATED_AT this long. A burst has short dips (its senders reconnecting, a slow moment of theirs):
 * cleared for one of them, the checkpoint thread copied the whole WAL put off so far, 200–300 ms of
 * a core, just as the burst came back (bench/NOTES.md, session 11).
 */
const CALM_MS = 1_000;

/**
 * Whether the receiver is saturated: this thread's event loop busy while senders' requests keep
 * arriving (`noteReceived`). Shared with the store's background threads (the full-text indexer, the WAL
 * checkpointer) through a SharedArrayBuffer they read without a message: while it is set, they put
 * off what can wait (bench/NOTES.md, session 9). A busy loop with no requests arriving (a backlog
 * being mapped, a bulk replay) does not set it: there is no sender waiting, and putting the WAL's
 * copying off then only made reads slower.
 */
export interface Saturation {
  /** One Int32: 1 while saturated. Pass it to a thread in its workerData; it reads it with `Atomics.load(flag, 0)`. */
  readonly flag: Int32Array;
  /** Called when requests from senders were committed. */
  noteReceived(): void;
  stop(): void;
}

export function watchSaturation(utilization: () => number = loopUtilization(), everyMs = EVERY_MS, now: () => number = () => performance.now()): Saturation {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let receivedAt = -Infinity;
  const receiving = () => now() - receivedAt < RECEIVING_MS;
  let calmSince: number | null = null;
  const update = () => {
    const t = now();
    if (utilization() >= SATURATED_AT) calmSince = null;
    else calmSince ??= t;
    // Busy, or under the line with the flag already set and the calm shorter than CALM_MS.
    const busyEnough = calmSince === null || (Atomics.load(flag, 0) === 1 && t - calmSince < CALM_MS);
    Atomics.store(flag, 0, receiving() && busyEnough ? 1 : 0);
  };
  const timer = setInterval(update, everyMs);
  timer.unref();
  return {
    flag,
    noteReceived() {
      receivedAt = now();
    },
    stop() {
      clearInterval(timer);
      Atomics.store(flag, 0, 0);
    },
  };
}
