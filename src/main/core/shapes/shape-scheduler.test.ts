import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShapeScheduler, QUIET_BACKLOG_KEPT } from './shape-scheduler';
import type { ShapeLearner } from './learner';

afterEach(() => vi.useRealTimers());

function fakeLearner() {
  const calls: string[] = [];
  const learner: ShapeLearner = {
    learnBatch: () => (calls.push('learn'), 0),
    skipTo: (keepNewest) => (calls.push(`skip ${keepNewest}`), 0),
  };
  return { learner, calls };
}

describe('the shape scheduler yields to ingest', () => {
  it('learns once the receiver has been quiet for a moment', () => {
    vi.useFakeTimers();
    const { learner, calls } = fakeLearner();
    const scheduler = createShapeScheduler(learner, { now: () => Date.now() });
    scheduler.noteIngest();
    vi.advanceTimersByTime(150);
    // Whatever ingest left is learned from its newest events only (a no-op when it left fewer).
    expect(calls).toEqual([`skip ${QUIET_BACKLOG_KEPT}`, 'learn']);
    scheduler.stop();
  });

  it('when quiet, goes on batch after batch while they learn something, though each stops at its time budget', () => {
    vi.useFakeTimers();
    const learned = [3, 2, 0];
    const budgets: number[] = [];
    const learner: ShapeLearner = {
      learnBatch: (_limit, budgetMs) => (budgets.push(budgetMs ?? Infinity), learned.shift() ?? 0),
      skipTo: () => 0,
    };
    const scheduler = createShapeScheduler(learner, { now: () => Date.now() });
    scheduler.noteIngest();
    vi.advanceTimersByTime(500);
    expect(budgets).toHaveLength(3);
    expect(budgets.every((ms) => ms <= 5)).toBe(true);
    scheduler.stop();
  });

  it('under sustained ingest learns only every few seconds, from the newest events', () => {
    vi.useFakeTimers();
    const { learner, calls } = fakeLearner();
    const scheduler = createShapeScheduler(learner, { now: () => Date.now() });
    // A commit every 20 ms for 4.9 s: never quiet, and the sampling interval has not passed.
    for (let t = 0; t < 4_900; t += 20) {
      scheduler.noteIngest();
      vi.advanceTimersByTime(20);
    }
    expect(calls).toEqual([]);
    for (let t = 0; t < 300; t += 20) {
      scheduler.noteIngest();
      vi.advanceTimersByTime(20);
    }
    expect(calls).toEqual(['skip 200', 'learn']);
    scheduler.stop();
  });

  it('under sustained ingest learns the whole sample, a time budget at a time, then waits for the next interval', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const learner: ShapeLearner = {
      // Each budget learns at most 60 events.
      learnBatch: (limit = 200) => (calls.push(`learn ${limit}`), Math.min(limit, 60)),
      skipTo: () => (calls.push('skip'), 0),
    };
    const scheduler = createShapeScheduler(learner, { now: () => Date.now() });
    for (let t = 0; t < 6_000; t += 20) {
      scheduler.noteIngest();
      vi.advanceTimersByTime(20);
    }
    expect(calls).toEqual(['skip', 'learn 200', 'learn 140', 'learn 80', 'learn 20']);
    scheduler.stop();
  });

  it('once sustained ingest stops, learns the newest of what it left, not all of it, and checks only once per quiet spell', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    let afterLoad: number[] | null = null;
    const learner: ShapeLearner = {
      // Under load each budget learns 60 events; once quiet, two batches and then nothing is left.
      learnBatch: (limit = 200) => (calls.push(`learn ${limit}`), afterLoad ? (afterLoad.shift() ?? 0) : Math.min(limit, 60)),
      skipTo: (keepNewest) => (calls.push(`skip ${keepNewest}`), 0),
    };
    const scheduler = createShapeScheduler(learner, { now: () => Date.now() });
    for (let t = 0; t < 6_000; t += 20) {
      scheduler.noteIngest();
      vi.advanceTimersByTime(20);
    }
    expect(calls[0]).toBe('skip 200'); // the sample taken under load (the test above)
    calls.length = 0;
    afterLoad = [60, 60, 0];
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual([`skip ${QUIET_BACKLOG_KEPT}`, 'learn 200', 'learn 200', 'learn 200']);
    scheduler.stop();
  });
});
