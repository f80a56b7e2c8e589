import { describe, expect, it } from 'vitest';
import { isJump } from './clock-watch.js';

describe('isJump', () => {
  it.each([
    ['an on-time tick', 5_000, 5_000, false],
    ['a tick a little late on a busy machine', 9_000, 9_000, false],
    ['a wake from suspend (wall ran, monotonic stopped)', 3_600_000, 5_000, true],
    ['a wake where both clocks ran on', 3_600_000, 3_600_000, true],
    ['the wall clock set back an hour', -3_595_000, 5_000, true],
    ['the wall clock set forward a minute', 65_000, 5_000, true],
    ['an NTP nudge of a few seconds', 8_000, 5_000, false],
  ])('%s → %s', (_name, wallElapsedMs, monotonicElapsedMs, expected) => {
    expect(isJump({ wallElapsedMs, monotonicElapsedMs, expectedMs: 5_000 }, 10_000)).toBe(expected);
  });
});
