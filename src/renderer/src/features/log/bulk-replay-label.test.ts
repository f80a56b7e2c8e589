import { describe, expect, it } from 'vitest';
import { bulkReplayLabel } from './bulk-replay-label';

describe('the bulk replay label', () => {
  it('says how many of the asked-for events were replayed and why one failed', () => {
    const label = bulkReplayLabel({ jobId: 'j', total: 47, done: 47, state: 'finished', failed: 1, failures: [{ id: 12, error: 'No event 12' }] });
    expect(label).toBe('Replayed 46 of 47 — 1 failed: No event 12');
  });

  it('names the first reason when several failed', () => {
    const failures = [{ id: 1, error: 'No event 1' }, { id: 2, error: 'No event 2' }];
    expect(bulkReplayLabel({ jobId: 'j', total: 5, done: 5, state: 'finished', failed: 2, failures })).toBe('Replayed 3 of 5 — 2 failed; the first: No event 1');
  });

  it('keeps the plain count when nothing failed', () => {
    expect(bulkReplayLabel({ jobId: 'j', total: 3, done: 3, state: 'finished' })).toBe('Replayed 3 of 3');
    expect(bulkReplayLabel({ jobId: 'j', total: 9, done: 4, state: 'cancelled' })).toBe('Cancelled after 4 of 9');
  });
});
