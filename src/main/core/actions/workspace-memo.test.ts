import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ActionPlan } from '../../../shared/domain/mapping';
import { runPlans } from '../pipeline/run-plans';
import { openContext } from '../testing/locked-database';
import { memoizedWorkspace } from './workspace-memo';

const ENV = 'development';
let dir: string;
let opened: ReturnType<typeof openContext>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-memo-'));
  opened = openContext(dir);
});
afterEach(() => {
  opened.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (actionType: ActionPlan['actionType'], params: Record<string, unknown>): ActionPlan => ({
  mappingId: `map_${actionType}`, actionType, status: 'ready', params, coercions: [], warnings: [], errors: [],
});
const ada = { collection: '$users', id: 'ada' };

it('answers as the workspace does after a recipient is created, deleted and created again in one transaction', () => {
  opened.ctx.workspaceQuery.createWorkflow(ENV, 'welcome', 'Welcome', 0);
  const workspace = memoizedWorkspace(opened.ctx.workspace);
  const runs = opened.ctx.db.transaction(() =>
    runPlans(opened.ctx.db, { workspace, environment: ENV, eventId: 1, now: 1 }, [
      plan('users_identify', { id: 'ada' }),
      plan('workflows_trigger', { key: 'welcome', recipients: [ada] }),
      plan('users_delete', { id: 'ada' }),
      plan('workflows_trigger', { key: 'welcome', recipients: [ada] }),
      plan('users_identify', { id: 'ada' }),
      plan('users_identify', { id: 'ada' }),
    ], 'throw'),
  )();
  expect(runs.map((r) => r.status)).toEqual(['success', 'success', 'success', 'skipped', 'success', 'success']);
  expect(runs.map((r) => r.result?.created)).toEqual([true, undefined, undefined, undefined, true, false]);
  expect(opened.ctx.workspace.userExists(ENV, 'ada')).toBe(true);
});

it('reads a workflow once per transaction and a recipient once until it changes', () => {
  opened.ctx.workspaceQuery.createWorkflow(ENV, 'welcome', 'Welcome', 0);
  const calls: string[] = [];
  const base = opened.ctx.workspace;
  const workspace = memoizedWorkspace({
    ...base,
    workflow: (e, k) => (calls.push('workflow'), base.workflow(e, k)),
    userExists: (e, id) => (calls.push('user'), base.userExists(e, id)),
    tenantExists: (e, id) => (calls.push('tenant'), base.tenantExists(e, id)),
  });
  for (let eventId = 1; eventId <= 3; eventId++) {
    runPlans(opened.ctx.db, { workspace, environment: ENV, eventId, now: eventId }, [
      plan('users_identify', { id: 'ada' }),
      plan('objects_subscribe', { collection: '$tenants', object_id: 'acme', recipients: [ada] }),
      plan('workflows_trigger', { key: 'welcome', recipients: [ada], tenant: 'acme' }),
    ], 'throw');
  }
  // The user is never looked up: identify learns whether it created them from its insert.
  expect(calls).toEqual(['tenant', 'workflow']);
  expect(opened.ctx.db.prepare('SELECT COUNT(*) AS n FROM ws_workflow_runs').get()).toEqual({ n: 3 });
});

it('says an identify created the user only the first time, event by event as in a batch, and merges what a later one adds', () => {
  const identify = (workspace: typeof opened.ctx.workspace, eventId: number, params: Record<string, unknown>) =>
    runPlans(opened.ctx.db, { workspace, environment: ENV, eventId, now: eventId }, [plan('users_identify', params)], 'savepoint')[0]!.result;
  expect(identify(opened.ctx.workspace, 1, { id: 'ada', email: 'ada@example.com', plan: 'pro' })).toEqual({ id: 'ada', created: true });
  expect(identify(opened.ctx.workspace, 2, { id: 'ada', name: 'Ada', seats: 3 })).toEqual({ id: 'ada', created: false });
  expect(identify(memoizedWorkspace(opened.ctx.workspace), 3, { id: 'ada', locale: 'pt' })).toEqual({ id: 'ada', created: false });
  expect(opened.ctx.db.prepare("SELECT name, email, locale, properties, created_at, updated_at FROM ws_users WHERE id = 'ada'").get()).toEqual({
    name: 'Ada', email: 'ada@example.com', locale: 'pt', properties: '{"plan":"pro","seats":3}', created_at: 1, updated_at: 3,
  });
});
