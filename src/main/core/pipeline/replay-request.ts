import type { CoreContext } from '../context';
import type { Route } from '../judge/routes';
import type { RecordedRequest } from '../request/event-context';
import type { FreshValue } from '../../../shared/domain/template';
import { nestedDeeperThan } from '../../../shared/json/nesting';
import { applyFresh, freshValue } from '../templates/fresh';
import { getTemplate } from '../templates/index';
import { resignRequest, signingKeyFor, toleranceOf, type SigningKey } from '../verification/resign';

/** A request changed before it is replayed; what is given replaces the logged part whole. */
export interface ReplayEdit {
  /** The body as text (UTF-8). */
  body?: string;
  /** Every header to send, replacing the logged ones. */
  headers?: Record<string, string>;
  /** The query string, without `?`. */
  query?: string;
}

/** What re-signing can do for one source in one environment (routes are rebuilt on any change). */
export interface ResignPlan {
  available: boolean;
  /** Why it can't re-sign, as a sentence; null when it can. */
  reason: string | null;
  /** The sender's name for sentences ("Stripe"). */
  provider: string;
  /** Seconds a signature stays acceptable; 0 when the scheme checks no age. */
  toleranceSeconds: number;
  key: SigningKey;
  /** The header a script-verified template reads its secret from, with the current value. */
  secretHeader: { name: string; value: string } | null;
  /** A delivery time in the payload the provider's verifier checks (Linear's), renewed with the signature. */
  signedAt: FreshValue | null;
}

/** A request to replay, with its header pairs as the log stores them. */
export type ReplayRequest = Omit<RecordedRequest, 'headers'> & { headers: Array<[string, string]> };

const plans = new WeakMap<Route, ResignPlan>();

export function resignPlanFor(ctx: Pick<CoreContext, 'sources'>, route: Route): ResignPlan {
  const known = plans.get(route);
  if (known) return known;
  const template = getTemplate(ctx.sources.get(route.sourceId)?.templateId ?? '');
  const key = signingKeyFor({ environment: route.environment, verification: route.settings.verification, secrets: route.secrets, vars: route.vars.values });
  const secretVar = template?.secretVar ?? null;
  const varValue = secretVar ? route.vars.values[secretVar.name] : undefined;
  const secretHeader = secretVar && varValue ? { name: secretVar.header, value: `${secretVar.prefix}${varValue}` } : null;
  const reason =
    key.ok || secretHeader
      ? null
      : secretVar
        ? `${template?.name ?? 'This source'} checks a secret in its script, and its ${secretVar.name} variable is not set in ${route.environment}: set it to re-sign.`
        : key.reason;
  const plan: ResignPlan = {
    available: reason === null,
    reason,
    provider: template?.name ?? 'This source',
    toleranceSeconds: toleranceOf(route.settings.verification),
    key,
    secretHeader,
    signedAt: template?.signedAt ?? null,
  };
  plans.set(route, plan);
  return plan;
}

const setHeader = (headers: ReadonlyArray<readonly [string, string]>, name: string, value: string): Array<[string, string]> => [
  ...headers.filter(([n]) => n !== name).map(([n, v]): [string, string] => [n, v]),
  [name, value],
];

/** A stored Content-Length follows the body it describes (an edit or Mailgun's re-signing changes it). */
function withLength(r: ReplayRequest): ReplayRequest {
  if (!r.headers.some(([n]) => n === 'content-length')) return r;
  return { ...r, headers: r.headers.map(([n, v]): [string, string] => [n, n === 'content-length' ? String(r.body.length) : v]) };
}

/** The logged request with the edit applied; `edited` is false when nothing actually changed. */
export function applyEdit(original: ReplayRequest, edit: ReplayEdit | undefined): { request: ReplayRequest; edited: boolean } {
  if (!edit) return { request: original, edited: false };
  const headers = edit.headers
    ? Object.entries(edit.headers).map(([n, v]): [string, string] => [n.trim().toLowerCase(), v])
    : original.headers;
  const body = edit.body === undefined ? original.body : Buffer.from(edit.body, 'utf8');
  const query = edit.query === undefined ? original.query : edit.query.replace(/^\?/, '');
  const contentType = edit.headers ? (headers.find(([n]) => n === 'content-type')?.[1] ?? null) : original.contentType;
  const request = withLength({ ...original, headers, body, query, contentType });
  const sameHeaders = JSON.stringify(request.headers) === JSON.stringify(original.headers);
  const edited = !request.body.equals(original.body) || request.query !== original.query || !sameHeaders;
  return { request, edited };
}

/** The payload's own delivery time set to `now`; a body that is not JSON (or too deep to walk) is left as it is. */
function renewSignedAt(spec: FreshValue | null, r: ReplayRequest, now: number): ReplayRequest {
  if (!spec) return r;
  if (spec.in === 'header') {
    return { ...r, headers: r.headers.map(([n, v]): [string, string] => [n, n === spec.key ? String(freshValue(spec, now)) : v]) };
  }
  if (nestedDeeperThan(r.body)) return r;
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.body.toString('utf8'));
  } catch {
    return r;
  }
  return { ...r, body: Buffer.from(JSON.stringify(applyFresh([spec], {}, parsed, now).body), 'utf8') };
}

/**
 * The request signed afresh for `plan` at `now`: the script's secret header set to its current
 * value, then the scheme's signature. `host` is the Host it will arrive with, when not the logged one.
 */
export function resignFor(plan: ResignPlan, request: ReplayRequest, now: number, host?: string): ReplayRequest {
  let r = renewSignedAt(plan.signedAt, request, now);
  if (plan.secretHeader) r = { ...r, headers: setHeader(r.headers, plan.secretHeader.name, plan.secretHeader.value) };
  if (!plan.key.ok) return r;
  const signed = resignRequest({ key: plan.key, request: r, now, ...(host !== undefined && { host }) });
  return withLength({ ...r, ...signed });
}
