import type { ActionPlan, Mapping } from '../../../shared/domain/mapping';
import type { ExprContext } from '../../../shared/expr/evaluate';
import type { CoreContext } from '../context';
import { planActions } from '../mapping/engine';
import { runPlans, type RunRecord } from './run-plans';

export interface Outcome {
  plan: ActionPlan;
  run: Pick<RunRecord, 'status' | 'errors' | 'result'>;
}

class Rollback extends Error {
  constructor(readonly outcomes: Outcome[]) {
    super('rehearsal rolled back');
  }
}

/**
 * Plans and executes mappings for one event inside a transaction that is always rolled back: the
 * outcomes are real (unknown workflows, unidentified recipients…) and the workspace is untouched.
 */
export function planAndRollBack(
  ctx: CoreContext,
  input: { eventType: string | null; exprCtx: ExprContext; mappings: readonly Mapping[]; environment: string },
): Outcome[] {
  const plans = planActions({ eventType: input.eventType, ctx: input.exprCtx }, input.mappings, input.environment);
  try {
    ctx.db.transaction(() => {
      const runs = runPlans(ctx.db, { workspace: ctx.workspace, environment: input.environment, eventId: null, now: ctx.clock.now() }, plans);
      throw new Rollback(plans.map((plan, i) => ({ plan, run: pickRun(runs[i]!) })));
    })();
  } catch (error) {
    if (error instanceof Rollback) return error.outcomes;
    throw error;
  }
  return [];
}

const pickRun = (r: RunRecord) => ({ status: r.status, errors: r.errors, result: r.result });
