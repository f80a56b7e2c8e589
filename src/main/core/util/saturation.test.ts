import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchSaturation, type Saturation } from './saturation';

const isSaturated = (flag: Int32Array) => Atomics.load(flag, 0) === 1;

let watched: Saturation | undefined;
afterEach(() => watched?.stop());

describe('the saturation flag shared with the store threads', () => {
  it('is set while the loop is at least 80 % busy and requests arrive, held through a dip shorter than a second, cleared otherwise, and cleared when stopped', async () => {
    let utilization = 0.5;
    let t = 0;
    watched = watchSaturation(() => utilization, 5, () => t);
    watched.noteReceived();
    const { flag } = watched;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(isSaturated(flag)).toBe(false);
    utilization = 0.8;
    await vi.waitFor(() => expect(isSaturated(flag)).toBe(true), { timeout: 1_000, interval: 5 });
    // A dip while requests keep arriving (senders reconnecting): held for a second of calm.
    const ticks = () => new Promise((resolve) => setTimeout(resolve, 30));
    utilization = 0.79;
    await ticks();
    expect(isSaturated(flag)).toBe(true);
    t += 900;
    watched.noteReceived();
    await ticks();
    expect(isSaturated(flag)).toBe(true);
    // Busy again restarts the calm: another 900 ms under the line does not clear it.
    utilization = 0.9;
    await ticks();
    utilization = 0.5;
    await ticks();
    t += 900;
    watched.noteReceived();
    await ticks();
    expect(isSaturated(flag)).toBe(true);
    t += 200;
    watched.noteReceived();
    await vi.waitFor(() => expect(isSaturated(flag)).toBe(false), { timeout: 1_000, interval: 5 });
    utilization = 0.97;
    await vi.waitFor(() => expect(isSaturated(flag)).toBe(true), { timeout: 1_000, interval: 5 });
    // A busy loop with no request arriving (a backlog being mapped): no sender waits.
    t += 250;
    await vi.waitFor(() => expect(isSaturated(flag)).toBe(false), { timeout: 1_000, interval: 5 });
    watched.noteReceived();
    await vi.waitFor(() => expect(isSaturated(flag)).toBe(true), { timeout: 1_000, interval: 5 });
    watched.stop();
    expect(isSaturated(flag)).toBe(false);
    // A thread reads it through shared memory: a copy posted to it is the same memory.
    expect(flag.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
