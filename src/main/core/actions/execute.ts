import { TENANTS_COLLECTION, type ActionType, type ResolvedParams } from '../../../shared/domain/action';
import type { PlanError, ReadyActionPlan } from '../../../shared/domain/mapping';
import type { WorkspaceRepo } from '../store/repos/workspace.repo';
import { ensureRecipient, identify, setObject, setTenant } from './recipients';
import { cancelWorkflow, triggerWorkflow } from './trigger';

/** What one action did to the workspace; stored with its action run. */
export type ActionOutcome =
  | { status: 'success'; result: Record<string, unknown> }
  | { status: 'skipped'; result: Record<string, unknown>; reason: string }
  | { status: 'error'; errors: PlanError[] };

export interface ExecContext {
  workspace: WorkspaceRepo;
  environment: string;
  eventId: number | null;
  now: number;
}

/** Makes sure the object a subscription points at exists (Knock's `$tenants` collection is tenants). */
function ensureObject(c: ExecContext, collection: string, id: string): boolean {
  if (collection === TENANTS_COLLECTION) {
    if (c.workspace.tenantExists(c.environment, id)) return false;
    c.workspace.upsertTenant(c.environment, id, null, {}, {}, c.now);
    return true;
  }
  if (c.workspace.objectExists(c.environment, collection, id)) return false;
  c.workspace.upsertObject(c.environment, collection, id, null, {}, c.now);
  return true;
}

type Executor<A extends ActionType> = (c: ExecContext, p: ResolvedParams<A>) => ActionOutcome;

const executors: { [A in ActionType]: Executor<A> } = {
  users_identify(c, p) {
    const created = identify(c, p, 'created');
    return { status: 'success', result: { id: p.id, created } };
  },
  users_delete(c, p) {
    return c.workspace.deleteUser(c.environment, p.id)
      ? { status: 'success', result: { id: p.id } }
      : { status: 'skipped', result: { id: p.id }, reason: `No user "${p.id}" to delete` };
  },
  objects_set(c, p) {
    const { collection, id, name, ...props } = p;
    const existed = c.workspace.objectExists(c.environment, collection, id);
    setObject(c, collection, id, name ?? null, props);
    return { status: 'success', result: { collection, id, created: !existed } };
  },
  objects_delete(c, p) {
    return c.workspace.deleteObject(c.environment, p.collection, p.id)
      ? { status: 'success', result: { collection: p.collection, id: p.id } }
      : { status: 'skipped', result: {}, reason: `No object ${p.collection}/${p.id} to delete` };
  },
  tenants_set(c, p) {
    const { id, name, settings, ...props } = p;
    const existed = c.workspace.tenantExists(c.environment, id);
    setTenant(c, id, name ?? null, settings, props);
    return { status: 'success', result: { id, created: !existed } };
  },
  tenants_delete(c, p) {
    return c.workspace.deleteTenant(c.environment, p.id)
      ? { status: 'success', result: { id: p.id } }
      : { status: 'skipped', result: { id: p.id }, reason: `No tenant "${p.id}" to delete` };
  },
  objects_subscribe(c, p) {
    const createdObject = ensureObject(c, p.collection, p.object_id);
    const unidentified: string[] = [];
    for (const r of p.recipients) {
      if (!ensureRecipient(c, r)) unidentified.push(r.id);
      c.workspace.subscribe(c.environment, p.collection, p.object_id, r, p.properties ?? {}, c.now);
    }
    return {
      status: 'success',
      result: { subscribed: p.recipients.map((r) => r.id), createdObject, ...(unidentified.length ? { unidentified } : {}) },
    };
  },
  objects_unsubscribe(c, p) {
    const removed = p.recipients.filter((r) => c.workspace.unsubscribe(c.environment, p.collection, p.object_id, r)).map((r) => r.id);
    return removed.length
      ? { status: 'success', result: { unsubscribed: removed } }
      : { status: 'skipped', result: {}, reason: 'None of the recipients was subscribed' };
  },
  audiences_add_member(c, p) {
    for (const u of p.user_id) {
      ensureRecipient(c, u);
      c.workspace.addMember(c.environment, p.key, u.id, p.tenant ?? null, c.now);
    }
    return { status: 'success', result: { audience: p.key, added: p.user_id.map((u) => u.id) } };
  },
  audiences_remove_member(c, p) {
    const removed = p.user_id.filter((u) => c.workspace.removeMember(c.environment, p.key, u.id, p.tenant ?? null)).map((u) => u.id);
    return removed.length
      ? { status: 'success', result: { audience: p.key, removed } }
      : { status: 'skipped', result: {}, reason: `None of the users was a member of "${p.key}"` };
  },
  workflows_cancel: cancelWorkflow,
  workflows_trigger: triggerWorkflow,
};

/** Applies one ready plan to the workspace. The caller owns the transaction. */
export function executePlan(c: ExecContext, plan: ReadyActionPlan): ActionOutcome {
  const run = executors[plan.actionType] as Executor<ActionType>;
  return run(c, plan.params as never);
}
