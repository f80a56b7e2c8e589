import {
  USERS_COLLECTION,
  TENANTS_COLLECTION,
  type ActionType,
  type RecipientRef,
  type ResolvedParams,
  type TenantRef,
} from '../../../shared/domain/action';
import type { PlanError, ReadyActionPlan } from '../../../shared/domain/mapping';
import type { WorkspaceRepo } from '../store/repos/workspace.repo';
import { USER_FIELDS } from '../store/repos/workspace.repo';
import { newId } from '../util/ids';

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

const pick = (params: Record<string, unknown>, known: readonly string[]) => {
  const fields: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) (known.includes(k) ? fields : rest)[k] = v;
  return { fields, rest };
};

const asText = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Identifies an inline recipient on the fly; says whether the recipient now exists. */
function ensureRecipient(c: ExecContext, r: RecipientRef): boolean {
  if (r.collection === USERS_COLLECTION) {
    if (r.properties) identify(c, { id: r.id, ...r.properties });
    return c.workspace.userExists(c.environment, r.id);
  }
  if (r.properties) {
    const { name, ...props } = r.properties;
    c.workspace.upsertObject(c.environment, r.collection, r.id, asText(name), props, c.now);
  }
  return c.workspace.objectExists(c.environment, r.collection, r.id);
}

function identify(c: ExecContext, params: Record<string, unknown>) {
  const { fields, rest } = pick(params, USER_FIELDS);
  const { id, ...props } = rest;
  c.workspace.upsertUser(c.environment, String(id), fields as Record<string, string>, props, c.now);
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

const tenantId = (c: ExecContext, tenant: TenantRef | undefined): string | null => {
  if (tenant === undefined) return null;
  if (typeof tenant === 'string') return tenant;
  const { name, settings, ...props } = tenant.properties;
  c.workspace.upsertTenant(c.environment, tenant.id, asText(name), settings ?? {}, props, c.now);
  return tenant.id;
};

const unknownWorkflow = (key: string): ActionOutcome => ({
  status: 'error',
  errors: [
    {
      code: 'not_found',
      param: 'key',
      what: 'workflow',
      key,
      hint: `Add a workflow with key "${key}" to this environment's workspace, or pick an existing one.`,
      message: `No workflow "${key}" in this environment`,
    },
  ],
});

type Executor<A extends ActionType> = (c: ExecContext, p: ResolvedParams<A>) => ActionOutcome;

const executors: { [A in ActionType]: Executor<A> } = {
  users_identify(c, p) {
    const existed = c.workspace.userExists(c.environment, p.id);
    identify(c, p);
    return { status: 'success', result: { id: p.id, created: !existed } };
  },
  users_delete(c, p) {
    return c.workspace.deleteUser(c.environment, p.id)
      ? { status: 'success', result: { id: p.id } }
      : { status: 'skipped', result: { id: p.id }, reason: `No user "${p.id}" to delete` };
  },
  objects_set(c, p) {
    const { collection, id, name, ...props } = p;
    const existed = c.workspace.objectExists(c.environment, collection, id);
    c.workspace.upsertObject(c.environment, collection, id, name ?? null, props, c.now);
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
    c.workspace.upsertTenant(c.environment, id, name ?? null, settings ?? {}, props, c.now);
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
  workflows_cancel(c, p) {
    if (!c.workspace.workflowExists(c.environment, p.key)) return unknownWorkflow(p.key);
    const only = p.recipients && new Set(p.recipients.map((r) => `${r.collection}\u0000${r.id}`));
    const cancelled = c.workspace.cancelRuns(c.environment, p.key, p.cancellation_key, c.now, only ?? null);
    return cancelled.length
      ? { status: 'success', result: { cancelled } }
      : { status: 'skipped', result: {}, reason: `No active run of "${p.key}" with cancellation key "${p.cancellation_key}"` };
  },
  workflows_trigger(c, p) {
    if (!c.workspace.workflowExists(c.environment, p.key)) return unknownWorkflow(p.key);
    if (p.actor) ensureRecipient(c, p.actor);
    const tenant = tenantId(c, p.tenant);
    const runs: Array<{ id: string; recipient: string }> = [];
    const notIdentified: string[] = [];
    for (const r of p.recipients) {
      if (!ensureRecipient(c, r)) {
        notIdentified.push(r.collection === USERS_COLLECTION ? r.id : `${r.collection}/${r.id}`);
        continue;
      }
      const id = newId('run');
      c.workspace.insertRun({
        id,
        environment: c.environment,
        workflowKey: p.key,
        recipient: { collection: r.collection, id: r.id },
        actor: p.actor ? { collection: p.actor.collection, id: p.actor.id } : null,
        tenant,
        data: p.data ?? {},
        cancellationKey: p.cancellation_key ?? null,
        eventId: c.eventId,
        createdAt: c.now,
      });
      runs.push({ id, recipient: r.id });
    }
    const skipped = notIdentified.length
      ? { not_identified: notIdentified, reason: 'Knock starts no run for a recipient it does not know: identify them first (an identify mapping runs before triggers) or pass them inline as {id, …}' }
      : {};
    if (runs.length === 0) {
      return { status: 'skipped', result: skipped, reason: noRunReason(notIdentified.length) };
    }
    return { status: 'success', result: { workflow_run_ids: runs.map((r) => r.id), runs, ...skipped } };
  },
};

/** Why a trigger started no run, for the action run's `reason`. */
function noRunReason(notIdentified: number): string {
  if (notIdentified === 0) return 'No run started: the trigger has no recipients';
  if (notIdentified === 1) return 'No run started: the recipient is not identified';
  return `No run started: none of the ${notIdentified} recipients is identified`;
}

/** Applies one ready plan to the workspace. The caller owns the transaction. */
export function executePlan(c: ExecContext, plan: ReadyActionPlan): ActionOutcome {
  const run = executors[plan.actionType] as Executor<ActionType>;
  return run(c, plan.params as never);
}
