import type { ActionPlan, Mapping } from '../../../shared/domain/mapping';
import type { ExprContext } from '../../../shared/expr/evaluate';
import type { ApiOutput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { assessParts, routeFor } from '../judge/rejudge';
import { parseRequest, type RecordedRequest } from '../request/event-context';
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
  input: { eventType: string | null; exprCtx: ExprContext; mappings: readonly Mapping[]; environment: string; eventTypePath?: string | null },
): Outcome[] {
  const plans = planActions({ eventType: input.eventType, ctx: input.exprCtx, eventTypePath: input.eventTypePath }, input.mappings, input.environment);
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

/**
 * "Rehearse": a logged or pasted request judged as the receiver would now, then run through the
 * source's mappings and rolled back.
 */
export async function rehearseEvent(
  ctx: CoreContext,
  sourceId: string,
  environment: string,
  request: RecordedRequest,
): Promise<ApiOutput<'events.rehearse'>> {
  const route = routeFor(ctx, sourceId, environment);
  const assessed = await assessParts(ctx.sandbox, route, parseRequest(request), ctx.clock.now(), false);
  const outcomes = planAndRollBack(ctx, {
    eventType: assessed.eventType,
    exprCtx: assessed.exprCtx,
    mappings: ctx.mappings.bySource(sourceId),
    environment,
    eventTypePath: route.settings.eventTypePath,
  });
  return { verification: assessed.verification, eventType: assessed.eventType, idempotencyKey: assessed.idempotencyKey, outcomes };
}
