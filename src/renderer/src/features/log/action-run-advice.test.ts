import { describe, expect, it } from 'vitest';
import type { ActionIssue, ActionRun } from '../../../../shared/domain/event';
import { adviceLine, adviseRun, issueTooltip } from './action-run-advice';

const run = (over: Partial<ActionRun>): ActionRun => ({
  id: 1, eventId: 1, mappingId: 'map_1', actionType: 'workflows_trigger', status: 'success',
  params: {}, coercions: [], errors: [], result: null, createdAt: 0, ...over,
});

describe('adviseRun', () => {
  it('names the unidentified recipients to identify first', () => {
    const a = adviseRun(run({ status: 'skipped', result: { reason: 'No run started: the recipient is not identified', not_identified: ['cus_1'] } }));
    expect(a.reason).toBe('No run started: the recipient is not identified');
    expect(a.fixes[0]?.text).toMatch(/^Identify cus_1 first/);
  });

  it('shortens a long list of unidentified recipients', () => {
    const a = adviseRun(run({ status: 'skipped', result: { reason: 'x', not_identified: ['a', 'b', 'c', 'd', 'e'] } }));
    expect(a.fixes[0]?.text).toMatch(/^Identify a, b, c and 2 more first/);
  });

  it('offers to create a missing workflow', () => {
    const a = adviseRun(run({
      status: 'error',
      errors: [{ code: 'not_found', param: 'key', what: 'workflow', key: 'invoice-paid', message: 'No workflow "invoice-paid" in this environment' }],
    }));
    expect(a.reason).toBeNull();
    expect(a.fixes).toEqual([{ text: 'Create workflow invoice-paid in the Workspace.', workflow: 'invoice-paid' }]);
  });

  it('gives a one-line tooltip with the reason and the fix', () => {
    expect(adviceLine(run({ status: 'skipped', result: { reason: 'No run started', not_identified: ['cus_9'] } }))).toMatch(/^No run started — Identify cus_9 first/);
    expect(adviceLine(run({}))).toBeNull();
  });
});

describe('issueTooltip', () => {
  const issue = (over: Partial<ActionIssue>): ActionIssue => ({
    mappingId: 'map_1', status: 'skipped', reason: null, notIdentified: [], notIdentifiedCount: 0, error: null, others: 0, ...over,
  });

  it("says why a row's action was skipped and whom to identify, counting recipients the row no longer names", () => {
    const text = issueTooltip(issue({ reason: 'No run started: the recipient is not identified', notIdentified: ['cus_1', 'cus_2', 'cus_3'], notIdentifiedCount: 7 }));
    expect(text).toMatch(/^Skipped: No run started: the recipient is not identified — Identify cus_1, cus_2, cus_3 and 4 more first/);
    expect(text).toMatch(/Open the event for the mapping that produced it\.$/);
  });

  it('names the missing workflow to create for a failed row, and the other runs that did not succeed', () => {
    const text = issueTooltip(issue({
      status: 'error', others: 2,
      error: { code: 'not_found', param: 'key', what: 'workflow', key: 'invoice-paid', message: 'No workflow "invoice-paid" in this environment' },
    }));
    expect(text).toBe(
      'Failed: No workflow "invoice-paid" in this environment — Create workflow invoice-paid in the Workspace. 2 other actions skipped or failed too. Open the event for the mapping that produced it.',
    );
  });
});
