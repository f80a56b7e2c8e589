import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../app/store';
import { summary } from '../../test/fixtures';
import { fakeApi } from '../../test/fake-api';
import { SEARCH_COUNT_CAP, SEARCH_COUNT_DELAY_MS } from './log.slice';

const envs = [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }];

describe("a search's total", () => {
  it('is asked for only after a pause once its rows are shown, capped, and not for a search typed over meanwhile', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeApi({
        'environments.list': () => envs,
        'events.list': () => ({ items: [summary({ id: 1 })], nextCursor: null }),
        'events.count': () => ({ count: SEARCH_COUNT_CAP, capped: true }),
      });
      const store = createAppStore(fake.api);
      await store.getState().loadEnvironments();
      const counts = () => fake.calls.filter(([m]) => m === 'events.count').map(([, i]) => i as { search?: string; cap?: number });

      store.getState().setLogFilter({ search: 'ren' });
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getState().events).toHaveLength(1);
      // The user keeps typing before the pause is over: "ren" is never counted.
      await vi.advanceTimersByTimeAsync(SEARCH_COUNT_DELAY_MS - 50);
      expect(counts()).toEqual([]);
      store.getState().setLogFilter({ search: 'renewal' });
      await vi.advanceTimersByTimeAsync(SEARCH_COUNT_DELAY_MS);
      expect(counts().map((c) => [c.search, c.cap])).toEqual([['renewal', SEARCH_COUNT_CAP]]);
      expect(store.getState().logTotal).toEqual({ count: SEARCH_COUNT_CAP, capped: true });
    } finally {
      vi.useRealTimers();
    }
  });
});
