import { ApiFailure } from '../../../shared/api/result';
import type { PreprocessOutput } from '../../../shared/domain/event';
import type { ExprContext } from '../../../shared/expr/evaluate';
import type { CoreContext } from '../context';
import { headerRecord, queryRecord, type ParsedRequest } from '../request/event-context';
import type { SandboxRunner } from '../script-sandbox';
import { assess, mappingContext, type Assessment } from './assess';
import { preprocessFor } from './preprocess';
import type { Route } from './routes';

/*
 * Judging a request again, away from the receiver: a replay, an import, a rehearsal. The same
 * script, verification, event type and idempotency key as `judge` decides for a live request.
 */

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
  r: ParsedRequest,
  now: number,
  enforce: boolean,
): Promise<PartsAssessment> {
  const headers = headerRecord(r.headers);
  const parsedBody = r.parsed.value;
  const preprocess = await preprocessFor(sandbox, route, { headers, body: r.body, parsedBody });
  const request = { method: r.method, url: r.query ? `${r.path}?${r.query}` : r.path, headers, query: queryRecord(r.query), body: r.body, parsedBody, preprocess };
  return { ...assess(route, request, { now, enforce }), preprocess, exprCtx: mappingContext(request) };
}
