import { describe, expect, it } from 'vitest';
import { bulkReplayNote } from './bulk-replay-plan';
import type { ReplayPlan } from './replay.slice';

const plan = (p: Partial<ReplayPlan>): ReplayPlan => ({
  total: 3,
  resign: 0,
  redacted: 0,
  ignoreVerification: 0,
  asConfigured: 3,
  failAsConfigured: 0,
  unsignable: 0,
  stale: [],
  summary: 'No signature went stale: all 3 events are verified as configured.',
  ...p,
});

describe('bulkReplayNote', () => {
  it("says the host's plan when each event takes its default", () => {
    const summary = '2 of 3 events will be re-signed: their signatures are older than Stripe accepts (5 minutes). The other 1 is verified as configured.';
    expect(bulkReplayNote(plan({ resign: 2, asConfigured: 1, failAsConfigured: 2, summary }), null)).toBe(summary);
  });

  it('warns that verify as configured fails the stale ones the default would re-sign', () => {
    expect(bulkReplayNote(plan({ resign: 2, asConfigured: 1, failAsConfigured: 2 }), 'as_is')).toBe(
      '2 of 3 events would fail verification as configured (the default would re-sign them).',
    );
    expect(bulkReplayNote(plan({ total: 1, resign: 1, asConfigured: 0, failAsConfigured: 1 }), 'as_is')).toBe(
      'The event would fail verification as configured (the default would re-sign it).',
    );
    expect(bulkReplayNote(plan({ resign: 2, asConfigured: 1, failAsConfigured: 3 }), 'as_is')).toBe(
      'All 3 events would fail verification as configured (the default would re-sign 2 of them).',
    );
    expect(bulkReplayNote(plan({}), 'as_is')).toBeNull();
  });

  it("warns that re-sign all fails events Inlet can't sign, and says nothing more when ignoring verification", () => {
    expect(bulkReplayNote(plan({ unsignable: 1 }), 'resign')).toBe("1 of 3 events can't be re-signed (its source has no signature Inlet can make): that replay fails.");
    expect(bulkReplayNote(plan({ unsignable: 3 }), 'resign')).toBe("All 3 events can't be re-signed (their sources have no signature Inlet can make): those replays fail.");
    expect(bulkReplayNote(plan({ unsignable: 3, failAsConfigured: 3 }), 'ignore_verification')).toBeNull();
    expect(bulkReplayNote(plan({ total: 0, asConfigured: 0 }), null)).toBeNull();
  });
});
