import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionType, ResolvedParams } from '../../../shared/domain/action';
import type { ActionPlan } from '../../../shared/domain/mapping';
import { runPlans, type RunRecord } from '../pipeline/run-plans';
import { openContext } from '../testing/locked-database';

/** Action execution on a real workspace database, one plan at a time, as the processor applies them. */
let dir: string;
let opened: ReturnType<typeof openContext>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-exec-'));
  opened = openContext(dir);
});
afterEach(() => {
  opened.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = <A extends ActionType>(actionType: A, params: ResolvedParams<A>): ActionPlan => ({
  mappingId: `map_${actionType}`, actionType, status: 'ready', params, coercions: [], warnings: [], errors: [],
});
const user = (id: string, properties?: Record<string, unknown>) => ({ collection: '$users', id, ...(properties ? { properties } : {}) });
let eventId = 0;
const run = (...plans: ActionPlan[]): RunRecord[] =>
  runPlans(opened.ctx.db, { workspace: opened.ctx.workspace, environment: 'development', eventId: (eventId += 1), now: 1_000 + eventId }, plans);
const rows = <T>(sql: string): T[] => opened.ctx.db.prepare(sql).all() as T[];
const members = () => rows<{ audience_key: string; user_id: string; tenant: string }>('SELECT audience_key, user_id, tenant FROM ws_audience_members ORDER BY user_id, tenant');

describe('audience membership', () => {
  it('adds users per tenant, identifying inline users on the way, and adding twice keeps one membership', () => {
    const [added] = run(plan('audiences_add_member', { key: 'beta', user_id: [user('ada', { email: 'ada@example.com' }), user('bob')], tenant: 'acme' }));
    expect(added).toMatchObject({ status: 'success', result: { audience: 'beta', added: ['ada', 'bob'] } });
    run(plan('audiences_add_member', { key: 'beta', user_id: [user('ada')] }));
    run(plan('audiences_add_member', { key: 'beta', user_id: [user('ada')] }));
    expect(members()).toEqual([
      { audience_key: 'beta', user_id: 'ada', tenant: '' },
      { audience_key: 'beta', user_id: 'ada', tenant: 'acme' },
      { audience_key: 'beta', user_id: 'bob', tenant: 'acme' },
    ]);
    expect(rows<{ id: string; email: string | null }>('SELECT id, email FROM ws_users')).toEqual([{ id: 'ada', email: 'ada@example.com' }]);
  });

  it('removes only the membership of the tenant named, and skips with a reason when nobody was a member', () => {
    run(plan('audiences_add_member', { key: 'beta', user_id: [user('ada')], tenant: 'acme' }));
    run(plan('audiences_add_member', { key: 'beta', user_id: [user('ada')] }));
    const [removed] = run(plan('audiences_remove_member', { key: 'beta', user_id: [user('ada'), user('zed')], tenant: 'acme' }));
    expect(removed).toMatchObject({ status: 'success', result: { audience: 'beta', removed: ['ada'] } });
    expect(members()).toEqual([{ audience_key: 'beta', user_id: 'ada', tenant: '' }]);
    const [again] = run(plan('audiences_remove_member', { key: 'beta', user_id: [user('ada')], tenant: 'acme' }));
    expect(again).toMatchObject({ status: 'skipped', result: { reason: 'None of the users was a member of "beta"' } });
  });
});

describe('cancelling workflow runs', () => {
  beforeEach(() => {
    // A delay keeps runs paused, the only state a cancel reaches ("Canceling workflows").
    opened.ctx.workspaceQuery.createWorkflow('development', 'trial', 'Trial', 1, { steps: [{ type: 'delay', seconds: 3600 }] });
  });

  const startTrial = (ids: string[], cancellationKey = 'sub_1') =>
    run(plan('workflows_trigger', { data: {}, key: 'trial', recipients: ids.map((id) => user(id, {})), cancellation_key: cancellationKey }));
  const statuses = () => rows<{ recipient_id: string; cancellation_key: string; status: string }>('SELECT recipient_id, cancellation_key, status FROM ws_workflow_runs ORDER BY recipient_id, cancellation_key');

  it('cancels only the named recipients’ paused runs with that key, and says when there was nothing to cancel', () => {
    startTrial(['ada', 'bob', 'cy']);
    startTrial(['ada'], 'sub_2');
    const [cancelled] = run(plan('workflows_cancel', { key: 'trial', cancellation_key: 'sub_1', recipients: [user('ada'), user('cy')] }));
    expect(cancelled).toMatchObject({ status: 'success', result: { cancelled: [expect.any(String), expect.any(String)] } });
    expect(statuses()).toEqual([
      { recipient_id: 'ada', cancellation_key: 'sub_1', status: 'cancelled' },
      { recipient_id: 'ada', cancellation_key: 'sub_2', status: 'paused' },
      { recipient_id: 'bob', cancellation_key: 'sub_1', status: 'paused' },
      { recipient_id: 'cy', cancellation_key: 'sub_1', status: 'cancelled' },
    ]);
    const [again] = run(plan('workflows_cancel', { key: 'trial', cancellation_key: 'sub_1', recipients: [user('ada')] }));
    expect(again).toMatchObject({ status: 'skipped', result: { reason: expect.stringContaining('already cancelled; cancel reaches only runs still paused') } });
  });

  it('cancels every recipient’s run with that key when no recipients are given', () => {
    startTrial(['ada', 'bob']);
    run(plan('workflows_cancel', { key: 'trial', cancellation_key: 'sub_1' }));
    expect(statuses().map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('refuses to cancel runs of a workflow this environment does not have, changing nothing', () => {
    startTrial(['ada']);
    const [refused] = run(plan('workflows_cancel', { key: 'nope', cancellation_key: 'sub_1' }));
    expect(refused).toMatchObject({ status: 'error', errors: [{ code: 'not_found', message: 'No workflow "nope" in this environment' }] });
    expect(statuses().map((r) => r.status)).toEqual(['paused']);
  });
});
