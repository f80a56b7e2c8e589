import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchSaturation, type Saturation } from './saturation';

const isSaturated = (flag: Int32Array) => Atomics.load(flag, 0) === 1;

let watched: Saturation | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  watched?.stop();
  vi.useRealTimers();
});

describe('the saturation flag shared with the store threads', () => {
  it('is set while the loop is at least 80 % busy and requests arrive, held through a dip shorter than a second, cleared otherwise, and cleared when stopped', () => {
    let utilization = 0.5;
    let t = 0;
    watched = watchSaturation(() => utilization, 5, () => t);
    const { flag } = watched;
    // One update of the flag (every 5 ms here), `ms` later on the clock it reads, a request arriving meanwhile.
    const tick = (ms = 0, received = true) => {
      t += ms;
      if (received) watched!.noteReceived();
      vi.advanceTimersByTime(5);
      return isSaturated(flag);
    };
    expect(tick()).toBe(false);
    utilization = 0.8;
    expect(tick()).toBe(true);
    // A dip while requests keep arriving (senders reconnecting): held for a second of calm.
    utilization = 0.79;
    expect(tick()).toBe(true);
    expect(tick(900)).toBe(true);
    // Busy again restarts the calm: another 900 ms under the line does not clear it.
    utilization = 0.9;
    expect(tick()).toBe(true);
    utilization = 0.5;
    expect(tick()).toBe(true);
    expect(tick(900)).toBe(true);
    expect(tick(200)).toBe(false);
    // Calm and under the line: a dip does not set it again.
    expect(tick(10)).toBe(false);
    utilization = 0.97;
    expect(tick()).toBe(true);
    // A busy loop with no request arriving (a backlog being mapped): no sender waits.
    expect(tick(250, false)).toBe(false);
    expect(tick()).toBe(true);
    // Requests stop during a dip: cleared at once, not a second later.
    utilization = 0.3;
    expect(tick()).toBe(true);
    expect(tick(250, false)).toBe(false);
    watched.stop();
    expect(isSaturated(flag)).toBe(false);
    // A thread reads it through shared memory: a copy posted to it is the same memory.
    expect(flag.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
