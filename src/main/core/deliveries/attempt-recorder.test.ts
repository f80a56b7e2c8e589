import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../ports';
import { createAttemptRecorder } from './attempt-recorder';
import type { AttemptOutcome, DeliveriesRepo } from './deliveries-repo';

const outcome: AttemptOutcome = {
  attempt: { n: 1, startedAt: 0, latencyMs: 1, request: { method: 'POST', url: 'http://127.0.0.1/', headers: [], body: null }, response: null, error: null },
  status: 'delivered',
  nextAt: 0,
  finishedAt: 0,
};

function fakeRepo() {
  const commits: number[][] = [];
  const repo = { recordMany: (items: ReadonlyArray<{ id: number }>) => void commits.push(items.map((i) => i.id)) } as unknown as DeliveriesRepo;
  return { repo, commits };
}

afterEach(() => void vi.useRealTimers());

describe('attempt recorder', () => {
  it('commits answers that arrive during a burst together, at most once per spacing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const { repo, commits } = fakeRepo();
    let busy = true;
    const recorder = createAttemptRecorder(repo, silentLogger, () => (busy ? 100 : 20));
    recorder.add(1, outcome, () => undefined);
    await vi.advanceTimersByTimeAsync(1);
    expect(commits).toEqual([[1]]); // a lone answer: at the next turn
    for (const id of [2, 3, 4]) {
      recorder.add(id, outcome, () => undefined);
      await vi.advanceTimersByTimeAsync(25);
    }
    expect(commits).toEqual([[1]]); // 75 ms later: still waiting for the spacing
    await vi.advanceTimersByTimeAsync(30);
    expect(commits).toEqual([[1], [2, 3, 4]]);
    busy = false;
    await vi.advanceTimersByTimeAsync(50);
    recorder.add(5, outcome, () => undefined);
    await vi.advanceTimersByTimeAsync(1);
    expect(commits).toEqual([[1], [2, 3, 4], [5]]);
  });
});
