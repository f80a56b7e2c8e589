import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const options = { initialMs: 1_000, maxMs: 30_000, jitter: 0.3 };

describe('backoffDelay', () => {
  it.each([
    [1, 0, 1_000],
    [2, 0, 2_000],
    [5, 0, 16_000],
    [6, 0, 30_000],
    [500, 0, 30_000],
    [1, 0.999_999, 700],
    [6, 0.5, 25_500],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, options, () => random)).toBe(expected);
  });

  it('never exceeds the cap, jitter included', () => {
    for (let attempt = 1; attempt < 40; attempt++) {
      for (const random of [0, 0.25, 0.5, 0.99]) {
        expect(backoffDelay(attempt, options, () => random)).toBeLessThanOrEqual(options.maxMs);
      }
    }
  });
});
