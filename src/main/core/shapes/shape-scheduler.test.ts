import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShapeScheduler } from './shape-scheduler';
import type { ShapeLearner } from './learner';

afterEach(() => vi.useRealTimers());

function fakeLearner() {
  const calls: string[] = [];
  const learner: ShapeLearner = {
    learnBatch: () => (calls.push('learn'), 0),
    skipTo: () => (calls.push('skip'), 0),
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
    expect(calls).toEqual(['learn']);
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
    expect(calls).toEqual(['skip', 'learn']);
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
});
