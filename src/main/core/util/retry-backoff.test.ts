import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../testing/locked-database';
import { createRetryBackoff } from './retry-backoff';
import { DatabaseBusyError, isBusy } from './sqlite-errors';

describe('retry with backoff', () => {
  it('waits longer after each failure, never beyond the cap, and logs a streak once when it starts and once when it ends', () => {
    const logger = recordingLogger();
    const backoff = createRetryBackoff({ what: 'indexing', logger, initialMs: 100, maxMs: 1_000, random: () => 0 });
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const delays = Array.from({ length: 6 }, () => backoff.failed(busy));
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    backoff.succeeded();
    expect(backoff.failures).toBe(0);
    expect(logger.lines.map((l) => l.split(' {')[0])).toEqual([
      'warn indexing paused: the database is locked by another program; retrying with backoff',
      expect.stringMatching(/^info indexing resumed after 6 failed attempts over \d+ ms$/),
    ]);
  });

  it('randomises part of each delay so retries do not line up', () => {
    const backoff = createRetryBackoff({ what: 'x', logger: recordingLogger(), initialMs: 1_000, maxMs: 1_000, jitter: 0.5, random: () => 1 });
    expect(backoff.failed(new Error('boom'))).toBe(500);
  });
});

describe('isBusy', () => {
  it.each([
    [{ code: 'SQLITE_BUSY' }, true],
    [{ code: 'SQLITE_BUSY_SNAPSHOT' }, true],
    [{ code: 'SQLITE_LOCKED' }, true],
    [new Error('database is locked'), true],
    [new DatabaseBusyError(2), true],
    [{ code: 'SQLITE_CORRUPT' }, false],
    [new Error('disk I/O error'), false],
    [null, false],
  ])('%o → %s', (error, expected) => expect(isBusy(error)).toBe(expected));
});
