import { isReadyPlan, type ActionPlan } from '../../../shared/domain/mapping';
import type { ActionRun } from '../../../shared/domain/event';
import { executePlan, type ActionOutcome, type ExecContext } from '../actions/execute';
import type { Db } from '../store/db';
import { isBusy } from '../util/sqlite-errors';

/** An action run as the log stores it; the id is its position within the event. */
export type RunRecord = Omit<ActionRun, 'id' | 'eventId'>;

/**
 * How a failing action is contained. Executors return their error outcomes before writing
 * anything, so only an exception (a bug, a constraint) can leave a partial write:
 * - `savepoint`: each action runs in its own savepoint, so a throw undoes only its own writes;
 * - `throw`: no savepoints (they cost a third of processing time); a throw propagates and the
 *   caller rolls back and retries the event with `savepoint`.
 */
export type Isolation = 'savepoint' | 'throw';

/** Executes an event's plans in order; one failing action never stops the others. */
export function runPlans(db: Db, exec: ExecContext, plans: readonly ActionPlan[], isolation: Isolation = 'savepoint'): RunRecord[] {
  const at = exec.now;
  return plans.map((plan) => {
    if (plan.status === 'skipped') return record(plan, 'skipped', [], { reason: plan.skipReason ?? 'skipped' }, at);
    if (!isReadyPlan(plan)) return record(plan, 'error', plan.errors, null, at);
    const outcome = isolation === 'throw' ? executePlan(exec, plan) : execute(db, exec, plan);
    switch (outcome.status) {
      case 'success':
        return record(plan, 'success', [], outcome.result, at);
      case 'skipped':
        return record(plan, 'skipped', [], { ...outcome.result, reason: outcome.reason }, at);
      case 'error':
        return record(plan, 'error', outcome.errors, null, at);
    }
  });
}

// One literal per run, stored as it is (no copies: thousands a second), its fields in the order the log stores them.
const record = (plan: ActionPlan, status: RunRecord['status'], errors: RunRecord['errors'], result: RunRecord['result'], createdAt: number): RunRecord => ({
  mappingId: plan.mappingId, actionType: plan.actionType, params: plan.params, coercions: plan.coercions, status, errors, result, createdAt,
});

function execute(db: Db, exec: ExecContext, plan: Parameters<typeof executePlan>[1]): ActionOutcome {
  try {
    return db.transaction(() => {
      const outcome = executePlan(exec, plan);
      // An error outcome leaves nothing behind: roll the savepoint back by throwing out of it.
      if (outcome.status === 'error') throw new RolledBack(outcome);
      return outcome;
    })();
  } catch (error) {
    if (error instanceof RolledBack) return error.outcome;
    // A locked database says nothing about the action: the whole event is retried later.
    if (isBusy(error)) throw error;
    return {
      status: 'error',
      errors: [{ code: 'execution_failed', param: null, message: `The action could not be applied: ${(error as Error).message}` }],
    };
  }
}

class RolledBack extends Error {
  constructor(readonly outcome: ActionOutcome) {
    super('rolled back');
  }
}
