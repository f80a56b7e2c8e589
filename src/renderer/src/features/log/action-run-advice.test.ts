import { describe, expect, it } from 'vitest';
import type { ActionRun } from '../../../../shared/domain/event';
import { adviceLine, adviseRun } from './action-run-advice';

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
