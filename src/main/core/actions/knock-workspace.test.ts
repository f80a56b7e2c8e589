/**
 * The workspace behaves as Knock does, rule by rule (issue #10). Each case names the Knock docs
 * page it follows. Plans run on a real workspace database, in order, as the processor applies them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionType, ResolvedParams } from '../../../shared/domain/action';
import type { ActionPlan } from '../../../shared/domain/mapping';
import type { WorkflowStep } from '../../../shared/domain/workspace';
import { planMapping } from '../mapping/engine';
import { runPlans, type RunRecord } from '../pipeline/run-plans';
import { openContext } from '../testing/locked-database';

const ENV = 'development';
let dir: string;
let opened: ReturnType<typeof openContext>;
let now = 1_000_000;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-knock-'));
  opened = openContext(dir);
  now = 1_000_000;
});
afterEach(() => {
  opened.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = <A extends ActionType>(actionType: A, params: ResolvedParams<A>): ActionPlan => ({
  mappingId: `map_${actionType}`, actionType, status: 'ready', params, coercions: [], warnings: [], errors: [],
});
/** Plans through the real engine, so coercion (inline identification, `{user}` members) is part of the rule. */
const mapped = (actionType: ActionType, params: Record<string, string>, body: unknown): ActionPlan =>
  planMapping({ id: `map_${actionType}`, actionType, params }, { body, headers: {}, preprocess: {} } as never);
let eventId = 0;
const run = (...plans: ActionPlan[]): RunRecord[] =>
  runPlans(opened.ctx.db, { workspace: opened.ctx.workspace, environment: ENV, eventId: (eventId += 1), now }, plans);
const rows = <T>(sql: string): T[] => opened.ctx.db.prepare(sql).all() as T[];
const user = (id: string, properties?: Record<string, unknown>) => ({ collection: '$users', id, ...(properties ? { properties } : {}) });
const workflow = (key: string, shape: { active?: boolean; steps?: WorkflowStep[] } = {}) =>
  opened.ctx.workspaceQuery.createWorkflow(ENV, key, key, 1, shape);
const runs = () =>
  rows<{ recipient_collection: string; recipient_id: string; status: string; data: string; subscription: string | null; trigger_id: string }>(
    'SELECT recipient_collection, recipient_id, status, data, subscription, trigger_id FROM ws_workflow_runs ORDER BY recipient_collection, recipient_id',
  );
const subscribe = (collection: string, objectId: string, ids: string[], properties?: Record<string, unknown>) =>
  run(plan('objects_subscribe', { collection, object_id: objectId, recipients: ids.map((id) => user(id, {})), ...(properties ? { properties } : {}) }));

describe('objects and tenants as recipients ("Subscriptions", "Multi-tenancy")', () => {
  beforeEach(() => workflow('alert'));

  const cases: Array<{ name: string; setup: () => void; recipients: ResolvedParams<'workflows_trigger'>['recipients']; actor?: string; expected: string[] }> = [
    {
      name: 'Subscriptions: an object fans out to its subscribers, one run each',
      setup: () => subscribe('projects', 'p1', ['ada', 'bob']),
      recipients: [{ collection: 'projects', id: 'p1' }],
      expected: ['$users/ada', '$users/bob'],
    },
    {
      name: 'Subscriptions: a user named directly and through the object gets one run (deduplicated)',
      setup: () => subscribe('projects', 'p1', ['ada', 'bob']),
      recipients: [user('ada'), { collection: 'projects', id: 'p1' }],
      expected: ['$users/ada', '$users/bob'],
    },
    {
      name: 'Subscriptions: the actor is left out of the fan-out',
      setup: () => subscribe('projects', 'p1', ['ada', 'bob']),
      recipients: [{ collection: 'projects', id: 'p1' }],
      actor: 'ada',
      expected: ['$users/bob'],
    },
    {
      name: 'Subscriptions: an object subscribed to an object fans out in turn (nested), deduplicated',
      setup: () => {
        subscribe('teams', 't1', ['ada', 'cy']);
        run(plan('objects_subscribe', { collection: 'projects', object_id: 'p1', recipients: [{ collection: 'teams', id: 't1' }, user('ada', {})] }));
      },
      recipients: [{ collection: 'projects', id: 'p1' }],
      expected: ['$users/ada', '$users/cy'],
    },
    {
      name: 'Multi-tenancy: {collection: "$tenants", id} resolves against tenants and fans out to its members',
      setup: () => subscribe('$tenants', 'acme', ['ada']),
      recipients: [{ collection: '$tenants', id: 'acme' }],
      expected: ['$users/ada'],
    },
    {
      name: 'Objects: an object nobody subscribes to is a recipient itself',
      setup: () => run(plan('objects_set', { collection: 'channels', id: 'c1' })),
      recipients: [{ collection: 'channels', id: 'c1' }],
      expected: ['channels/c1'],
    },
  ];

  it.each(cases)('$name', ({ setup, recipients, actor, expected }) => {
    setup();
    const [trigger] = run(plan('workflows_trigger', { data: {}, key: 'alert', recipients, ...(actor ? { actor: user(actor) } : {}) }));
    expect(trigger).toMatchObject({ status: 'success' });
    expect(runs().map((r) => `${r.recipient_collection}/${r.recipient_id}`)).toEqual(expected);
  });

  it('Subscriptions: each subscription’s properties travel with that recipient’s run', () => {
    subscribe('projects', 'p1', ['ada'], { role: 'owner' });
    run(plan('workflows_trigger', { data: {}, key: 'alert', recipients: [{ collection: 'projects', id: 'p1' }] }));
    expect(JSON.parse(runs()[0]!.subscription!)).toEqual({ collection: 'projects', id: 'p1', properties: { role: 'owner' } });
  });
});

describe('inline identification ("Identifying recipients")', () => {
  beforeEach(() => workflow('welcome'));
  const users = () => rows<{ id: string; email: string | null; properties: string; channel_data: string; preferences: string }>(
    'SELECT id, email, properties, channel_data, preferences FROM ws_users ORDER BY id');

  it.each([
    { name: 'a recipient given as {id} alone is upserted', recipients: 'body.to', body: { to: { id: 'ada' } }, expected: ['ada'] },
    { name: 'a list mixing ids and objects upserts the objects', recipients: 'body.to', body: { to: [{ id: 'ada', email: 'a@x' }, { id: 'bob' }] }, expected: ['ada', 'bob'] },
  ])('Identifying recipients: $name', ({ recipients, body, expected }) => {
    const [r] = run(mapped('workflows_trigger', { key: '"welcome"', recipients, data: 'body' }, body));
    expect(r).toMatchObject({ status: 'success' });
    expect(users().map((u) => u.id)).toEqual(expected);
  });

  it('Identifying recipients: channel_data and preferences are kept apart, $trigger_data goes into that recipient’s run', () => {
    const to = [
      { id: 'ada', email: 'ada@x', plan: 'pro', channel_data: { push: { tokens: ['t1'] } }, preferences: { default: { channel_types: { sms: false } } }, $trigger_data: { seat: 1 } },
      { id: 'bob', $trigger_data: { seat: 2 } },
    ];
    run(mapped('workflows_trigger', { key: '"welcome"', recipients: 'body.to', data: 'body.data' }, { to, data: { course: 'intro' } }));
    const [ada, bob] = users();
    expect(ada).toMatchObject({ id: 'ada', email: 'ada@x' });
    expect(JSON.parse(ada!.properties)).toEqual({ plan: 'pro' });
    expect(JSON.parse(ada!.channel_data)).toEqual({ push: { tokens: ['t1'] } });
    expect(JSON.parse(ada!.preferences)).toEqual({ default: { channel_types: { sms: false } } });
    expect(JSON.parse(bob!.properties)).toEqual({});
    expect(runs().map((r) => JSON.parse(r.data) as unknown)).toEqual([{ course: 'intro', seat: 1 }, { course: 'intro', seat: 2 }]);
  });

  it('Audiences: members given as {user: {id, …}} identify the user', () => {
    const [r] = run(mapped('audiences_add_member', { key: '"beta"', user_id: 'body.members' }, { members: [{ user: { id: 'ada', email: 'ada@x' } }] }));
    expect(r).toMatchObject({ status: 'success', result: { added: ['ada'] } });
    expect(users()).toEqual([expect.objectContaining({ id: 'ada', email: 'ada@x' })]);
  });

  it('Multi-tenancy: a trigger naming an unknown tenant id creates a stub tenant', () => {
    const [r] = run(plan('workflows_trigger', { data: {}, key: 'welcome', recipients: [user('ada', {})], tenant: 'acme' }));
    expect(r).toMatchObject({ status: 'success', result: { tenant_created: 'acme' } });
    expect(rows('SELECT id, name FROM ws_tenants')).toEqual([{ id: 'acme', name: null }]);
  });
});

describe('workflow run lifecycle ("Triggering workflows", "Canceling workflows")', () => {
  it('Triggering workflows: a workflow without a pause step completes its runs at once; one workflow_run_id per call', () => {
    workflow('receipt');
    const [r] = run(plan('workflows_trigger', { data: {}, key: 'receipt', recipients: [user('ada', {}), user('bob', {})] }));
    expect(r).toMatchObject({ status: 'success', result: { workflow_run_id: expect.stringMatching(/^wfr_/), run_status: 'completed' } });
    const all = runs();
    expect(all.map((x) => x.status)).toEqual(['completed', 'completed']);
    expect(new Set(all.map((x) => x.trigger_id))).toEqual(new Set([(r!.result as { workflow_run_id: string }).workflow_run_id]));
  });

  it('Triggering workflows: a paused run completes when its delay elapses on the workspace clock', () => {
    workflow('digest', { steps: [{ type: 'delay', seconds: 60 }, { type: 'batch', seconds: 30 }] });
    run(plan('workflows_trigger', { data: {}, key: 'digest', recipients: [user('ada', {})] }));
    expect(runs()[0]!.status).toBe('paused');
    expect(opened.ctx.workspace.completeDueRuns(now + 89_999)).toBe(0);
    expect(opened.ctx.workspace.completeDueRuns(now + 90_000)).toBe(1);
    expect(runs()[0]!.status).toBe('completed');
  });

  it('Canceling workflows: cancel reaches only runs still paused; finished runs are skipped with the reason', () => {
    workflow('trial', { steps: [{ type: 'delay', seconds: 60 }] });
    run(plan('workflows_trigger', { data: {}, key: 'trial', recipients: [user('ada', {})], cancellation_key: 'k1' }));
    const [cancelled] = run(plan('workflows_cancel', { key: 'trial', cancellation_key: 'k1' }));
    expect(cancelled).toMatchObject({ status: 'success', result: { cancelled: [expect.any(String)] } });
    run(plan('workflows_trigger', { data: {}, key: 'trial', recipients: [user('bob', {})], cancellation_key: 'k2' }));
    now += 60_000;
    const [late] = run(plan('workflows_cancel', { key: 'trial', cancellation_key: 'k2' }));
    expect(late).toMatchObject({
      status: 'skipped',
      result: { already_finished: [{ status: 'completed' }], reason: expect.stringContaining('already finished; cancel reaches only runs still paused') },
    });
    expect(runs().map((r) => r.status)).toEqual(['cancelled', 'completed']);
  });

  it('Triggering workflows: an inactive workflow fails with workflow_inactive and starts no run', () => {
    workflow('paused-off', { active: false });
    const [r] = run(plan('workflows_trigger', { data: {}, key: 'paused-off', recipients: [user('ada', {})] }));
    expect(r).toMatchObject({ status: 'error', errors: [{ code: 'workflow_inactive', key: 'paused-off' }] });
    expect(runs()).toEqual([]);
    expect(rows('SELECT id FROM ws_users')).toEqual([]);
  });
});

describe('errors named as Knock names them ("Sources: custom")', () => {
  it.each([
    ['data.object.customer', 'body.data.object.customer'],
    ['data.items[0].id', 'body.data.items[0].id'],
  ])('Stripe source page: the docs-style path %s is read as %s, with a visible note', (source, readAs) => {
    const body = { data: { object: { customer: 'cus_1' }, items: [{ id: 'cus_1' }] } };
    const planned = mapped('workflows_trigger', { key: '"welcome"', recipients: source, data: 'body' }, body);
    expect(planned).toMatchObject({ status: 'ready', params: { recipients: [{ collection: '$users', id: 'cus_1' }] } });
    expect(planned.coercions).toContain(`recipients: ${source} read as ${readAs} (Knock's docs write paths without the body. namespace)`);
  });

  it('a word that is not a path stays an error', () => {
    expect(mapped('workflows_trigger', { key: '"welcome"', recipients: 'customer', data: 'body' }, {})).toMatchObject({
      status: 'error', errors: [expect.objectContaining({ code: 'invalid_expression', param: 'recipients' })],
    });
  });
});

describe('workflows in the exported configuration', () => {
  it('keep their status and pause steps through export and import', async () => {
    const { exportConfig } = await import('../portability/export-config');
    const { importConfig } = await import('../portability/import-config');
    workflow('digest', { active: false, steps: [{ type: 'batch', seconds: 300 }] });
    const file = exportConfig(opened.ctx, {});
    opened.ctx.workspaceQuery.deleteWorkflow(ENV, 'digest');
    importConfig(opened.ctx, file, 'skip');
    expect(opened.ctx.workspaceQuery.workflows(ENV)).toEqual([
      expect.objectContaining({ key: 'digest', active: false, steps: [{ type: 'batch', seconds: 300 }] }),
    ]);
  });
});
