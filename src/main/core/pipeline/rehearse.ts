import { ApiFailure } from '../../../shared/api/result';
import type { ActionPlan, Mapping } from '../../../shared/domain/mapping';
import type { ExprContext } from '../../../shared/expr/evaluate';
import type { CoreContext } from '../api/context';
import { planActions } from '../mapping/engine';
import { assess, type Assessment } from '../receiver/assess';
import { parseBody } from '../receiver/parse-body';
import type { Route } from '../receiver/routes';
import { eventContext, headerRecord, queryRecord, type RequestParts } from './event-context';
import { preprocessFor } from './preprocess';
import type { SandboxRunner } from '../script-sandbox';
import { runPlans, type RunRecord } from './run-plans';
import type { PreprocessOutput } from '../../../shared/domain/event';

export interface Outcome {
  plan: ActionPlan;
  run: Pick<RunRecord, 'status' | 'errors' | 'result'>;
}

export interface RehearsalRequest extends RequestParts {
  method: string;
  path: string;
}

class Rollback extends Error {
  constructor(readonly outcomes: Outcome[]) {
    super('rehearsal rolled back');
  }
}

export function routeFor(ctx: CoreContext, sourceId: string, environment: string): Route {
  const route = ctx.routes.forSource(sourceId, environment);
  if (!route) throw new ApiFailure('not_found', `No source "${sourceId}" in environment "${environment}"`);
  return route;
}

export interface PartsAssessment extends Assessment {
  preprocess: PreprocessOutput | null;
  /** What mapping expressions see, preprocess extras included. */
  exprCtx: ExprContext;
}

/**
 * Runs a request through the source's current script and verification, as the receiver would now:
 * verification, event type, idempotency key and the mapping context.
 */
export async function assessParts(
  sandbox: SandboxRunner,
  route: Route,
  r: RehearsalRequest,
  now: number,
  enforce: boolean,
): Promise<PartsAssessment> {
  const headers = headerRecord(r.headers);
  const parsedBody = parseBody(r.contentType, r.body).value;
  const preprocess = await preprocessFor(sandbox, route, { headers, body: r.body, parsedBody });
  const assessed = assess(
    route,
    { method: r.method, url: r.query ? `${r.path}?${r.query}` : r.path, headers, query: queryRecord(r.query), body: r.body, parsedBody, preprocess },
    { now, enforce },
  );
  return { ...assessed, preprocess, exprCtx: eventContext(r, preprocess?.extra ?? {}) };
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

/** A pasted payload as request parts; a JSON-looking body without a content type is read as JSON. */
export function pastedRequest(payload: { headers: Record<string, string>; body: string; query: string }): RehearsalRequest {
  const headers = Object.entries(payload.headers).map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
  const body = Buffer.from(payload.body, 'utf8');
  const contentType = headers.find(([k]) => k === 'content-type')?.[1] ?? null;
  return { method: 'POST', path: '/in/rehearsal', headers, query: payload.query, contentType, body };
}

export { eventContext };
