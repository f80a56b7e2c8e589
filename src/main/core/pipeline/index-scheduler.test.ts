import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchIndexer } from '../store/repos/search-index';
import { BUSY_BATCH, createIndexScheduler } from './index-scheduler';

afterEach(() => vi.useRealTimers());

/** An index `behind` events behind, recording the size of each batch it is asked for. */
function lagging(behind: number) {
  const asked: number[] = [];
  let left = behind;
  const search = {
    indexBatch(limit = 1000) {
      asked.push(limit);
      const n = Math.min(limit, left);
      left -= n;
      return n;
    },
  } as unknown as SearchIndexer;
  return { search, asked, left: () => left };
}

describe('search indexing under ingest', () => {
  it('catches up in short batches while requests keep coming, and in long ones once they stop', () => {
    vi.useFakeTimers();
    const index = lagging(5_000);
    const scheduler = createIndexScheduler(index.search, { now: () => Date.now() });
    // Requests every 10 ms for 3 s: the index may lag 2 s, then works between them.
    for (let t = 0; t < 3_000; t += 10) {
      scheduler.noteIngest();
      vi.advanceTimersByTime(10);
    }
    expect(index.asked.length).toBeGreaterThan(0);
    expect(Math.max(...index.asked)).toBe(BUSY_BATCH);
    // Quiet: the rest goes in full batches.
    const during = index.asked.length;
    vi.advanceTimersByTime(1_000);
    expect(index.left()).toBe(0);
    expect(index.asked.slice(during)).toContain(500);
    scheduler.stop();
  });
});
