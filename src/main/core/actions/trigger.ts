import { USERS_COLLECTION, type RecipientRef, type ResolvedParams } from '../../../shared/domain/action';
import type { ViaSubscription } from '../store/repos/workspace.repo';
import { newRunId } from './run-ids';
import type { ActionOutcome, ExecContext } from './execute';
import { ensureRecipient, splitReserved, triggerTenant } from './recipients';

const keyOf = (r: { collection: string; id: string }) => `${r.collection}\u0000${r.id}`;
const label = (r: { collection: string; id: string }) => (r.collection === USERS_COLLECTION ? r.id : `${r.collection}/${r.id}`);

/** Fan-out is followed this deep through objects subscribed to objects; cycles stop at the first visit. */
const MAX_NESTING = 5;

interface Target {
  recipient: { collection: string; id: string };
  via: ViaSubscription | null;
  triggerData: Record<string, unknown> | null;
}

/**
 * The recipients a trigger reaches ("Subscriptions"): an object (or tenant) with subscribers fans
 * out to them, an object subscribed to an object fans out in turn, and an object nobody follows is
 * a recipient itself (e.g. a Slack channel object). The list is deduplicated, first reference wins.
 */
function expand(c: ExecContext, roots: Array<{ ref: RecipientRef; triggerData: Record<string, unknown> | null }>): Target[] {
  const out = new Map<string, Target>();
  const visit = (r: { collection: string; id: string }, via: ViaSubscription | null, triggerData: Target['triggerData'], depth: number, seen: Set<string>) => {
    const k = keyOf(r);
    if (r.collection !== USERS_COLLECTION && !seen.has(k) && depth < MAX_NESTING) {
      const subscribers = c.workspace.subscribersOf(c.environment, r.collection, r.id);
      if (subscribers.length > 0) {
        const next = new Set(seen).add(k);
        for (const s of subscribers) visit(s, { collection: r.collection, id: r.id, properties: s.properties }, triggerData, depth + 1, next);
        return;
      }
    }
    if (!out.has(k)) out.set(k, { recipient: { collection: r.collection, id: r.id }, via, triggerData });
  };
  for (const root of roots) visit(root.ref, null, root.triggerData, 0, new Set());
  return [...out.values()];
}

const pauseMs = (steps: Array<{ seconds: number }>) => steps.reduce((sum, s) => sum + s.seconds, 0) * 1000;

/** Starts a run per reached recipient; the result carries one `workflow_run_id` for the call, as Knock's API does. */
export function triggerWorkflow(c: ExecContext, p: ResolvedParams<'workflows_trigger'>): ActionOutcome {
  const workflow = c.workspace.workflow(c.environment, p.key);
  if (!workflow) return unknownWorkflow(p.key);
  if (!workflow.active) return inactiveWorkflow(p.key);
  if (p.actor) ensureRecipient(c, withoutTriggerData(p.actor));
  const tenant = triggerTenant(c, p.tenant);
  const notIdentified: string[] = [];
  const roots: Array<{ ref: RecipientRef; triggerData: Record<string, unknown> | null }> = [];
  for (const r of p.recipients) {
    const triggerData = r.properties ? splitReserved(r.properties).triggerData : null;
    if (ensureRecipient(c, withoutTriggerData(r))) roots.push({ ref: r, triggerData });
    else notIdentified.push(label(r));
  }
  const reached = expand(c, roots);
  const actorKey = p.actor ? keyOf(p.actor) : null;
  const targets = reached.filter((t) => keyOf(t.recipient) !== actorKey);
  const workflowRunId = newRunId('wfr', c.now);
  const pause = pauseMs(workflow.steps);
  const runs = targets.map((t) => {
    const id = newRunId('run', c.now);
    c.workspace.insertRun({
      id,
      triggerId: workflowRunId,
      resumeAt: pause > 0 ? c.now + pause : null,
      subscription: t.via,
      environment: c.environment,
      workflowKey: p.key,
      recipient: t.recipient,
      actor: p.actor ? { collection: p.actor.collection, id: p.actor.id } : null,
      tenant: tenant.id,
      // Copied only when this recipient adds its own trigger data.
      data: t.triggerData ? { ...(p.data ?? {}), ...t.triggerData } : (p.data ?? {}),
      cancellationKey: p.cancellation_key ?? null,
      eventId: c.eventId,
      createdAt: c.now,
    });
    return { id, recipient: label(t.recipient), ...(t.via ? { via: label(t.via) } : {}) };
  });
  const notes = {
    ...(notIdentified.length
      ? { not_identified: notIdentified, reason: 'Knock starts no run for a recipient it does not know: identify them first (an identify mapping runs before triggers) or pass them inline as {id, …}' }
      : {}),
    ...(actorKey && reached.length !== targets.length ? { actor_left_out: label(p.actor!) } : {}),
    ...(tenant.created ? { tenant_created: tenant.id } : {}),
  };
  if (runs.length === 0) return { status: 'skipped', result: notes, reason: noRunReason(notIdentified.length, roots.length) };
  const status = pause > 0 ? 'paused' : 'completed';
  return { status: 'success', result: { workflow_run_id: workflowRunId, runs, run_status: status, ...notes } };
}

/** Cancels runs still paused; finished runs are reported with their status ("Canceling workflows"). */
export function cancelWorkflow(c: ExecContext, p: ResolvedParams<'workflows_cancel'>): ActionOutcome {
  if (!c.workspace.workflow(c.environment, p.key)) return unknownWorkflow(p.key);
  const only = p.recipients && new Set(p.recipients.map(keyOf));
  const { cancelled, finished } = c.workspace.cancelRuns(c.environment, p.key, p.cancellation_key, c.now, only ?? null);
  const already = finished.length ? { already_finished: finished } : {};
  if (cancelled.length) return { status: 'success', result: { cancelled, ...already } };
  const reason = finished.length
    ? `Nothing to cancel: the ${finished.length === 1 ? 'run' : `${finished.length} runs`} of "${p.key}" with cancellation key "${p.cancellation_key}" already ${finished.every((f) => f.status === 'cancelled') ? 'cancelled' : 'finished'}; cancel reaches only runs still paused`
    : `No paused run of "${p.key}" with cancellation key "${p.cancellation_key}"`;
  return { status: 'skipped', result: already, reason };
}

const withoutTriggerData = (r: RecipientRef): RecipientRef => {
  if (!r.properties || !('$trigger_data' in r.properties)) return r;
  const { $trigger_data: _dropped, ...properties } = r.properties;
  return { ...r, properties };
};

export const unknownWorkflow = (key: string): ActionOutcome => ({
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

const inactiveWorkflow = (key: string): ActionOutcome => ({
  status: 'error',
  errors: [
    {
      code: 'workflow_inactive',
      param: 'key',
      key,
      hint: `Set workflow "${key}" to active in the workspace to let triggers start runs.`,
      message: `Workflow "${key}" is inactive: the trigger started no run (Knock answers workflow_inactive)`,
    },
  ],
});

/** Why a trigger started no run, for the action run's `reason`. */
function noRunReason(notIdentified: number, reached: number): string {
  if (notIdentified === 0) return reached > 0 ? 'No run started: the only recipient is the actor, who is left out' : 'No run started: the trigger has no recipients';
  if (notIdentified === 1) return 'No run started: the recipient is not identified';
  return `No run started: none of the ${notIdentified} recipients is identified`;
}
