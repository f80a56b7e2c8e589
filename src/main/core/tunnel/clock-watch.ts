import type { Clock } from '../ports.js';
import type { Monotonic, TimerHandle, Timers } from './timers.js';

/** What the watch saw when a tick came back later (or earlier) than it should have. */
export interface ClockJump {
  /** Wall-clock ms elapsed since the previous tick. */
  wallElapsedMs: number;
  /** Monotonic ms elapsed since the previous tick. */
  monotonicElapsedMs: number;
  /** The tick interval the watch expected. */
  expectedMs: number;
}

export interface ClockWatchOptions {
  clock: Clock;
  monotonic: Monotonic;
  timers: Timers;
  /** How often to look, in ms. */
  intervalMs: number;
  /** Slack before a difference counts as a jump, in ms. */
  thresholdMs: number;
  onJump(jump: ClockJump): void;
}

/**
 * Notices sleep/wake and clock changes. After a sleep the tick fires late by wall time (the
 * monotonic clock stops during suspend on Linux and macOS, and keeps counting on Windows — either
 * way one of the two is far beyond the interval); a manual or NTP clock change makes wall and
 * monotonic time disagree. A timer chain rather than setInterval, so each tick measures its own
 * delay.
 */
export function startClockWatch(options: ClockWatchOptions): { stop(): void } {
  const { clock, monotonic, timers, intervalMs, thresholdMs } = options;
  let lastWall = clock.now();
  let lastMono = monotonic();
  let handle: TimerHandle | undefined;
  let stopped = false;

  const tick = (): void => {
    handle = undefined;
    const wall = clock.now();
    const mono = monotonic();
    const jump = { wallElapsedMs: wall - lastWall, monotonicElapsedMs: mono - lastMono, expectedMs: intervalMs };
    lastWall = wall;
    lastMono = mono;
    if (isJump(jump, thresholdMs)) options.onJump(jump);
    if (!stopped) handle = timers.setTimeout(tick, intervalMs);
  };

  handle = timers.setTimeout(tick, intervalMs);
  return {
    stop() {
      stopped = true;
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
    },
  };
}

/** Pure test of one tick's measurements. */
export function isJump(jump: ClockJump, thresholdMs: number): boolean {
  const latest = jump.expectedMs + thresholdMs;
  return (
    jump.wallElapsedMs > latest ||
    jump.monotonicElapsedMs > latest ||
    Math.abs(jump.wallElapsedMs - jump.monotonicElapsedMs) > thresholdMs
  );
}
