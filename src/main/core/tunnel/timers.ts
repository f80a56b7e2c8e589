/**
 * The timer functions the tunnel code schedules with. Injected so tests can count what is pending
 * (proving `stop()` leaves nothing behind) and so no module reaches for globals it cannot fake.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque: only ever handed back to the `clearTimeout` of the same `Timers`. */
export type TimerHandle = unknown;

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** A monotonic millisecond counter; it does not follow wall-clock changes. */
export type Monotonic = () => number;

export const systemMonotonic: Monotonic = () => performance.now();
