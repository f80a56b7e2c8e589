import type { ApiOutput } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/result';
import type { ReplayMode } from '../../../shared/domain/event';
import type { VerificationResult } from '../../../shared/domain/verification';
import type { CoreContext } from '../context';
import { routeFor } from '../judge/rejudge';
import type { Route } from '../judge/routes';
import { headerRecord } from '../request/event-context';
import type { LoggedRequest } from '../store/repos/events.repo';
import { verifyRequest } from '../verification';
import { resignFor, resignPlanFor, type ResignPlan } from './replay-request';

/** "8 minutes", "45 seconds", "3 hours": an age or tolerance in a sentence. */
export function spokenDuration(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (seconds < 120) return unit(Math.round(seconds), 'second');
  if (seconds < 7200) return unit(Math.round(seconds / 60), 'minute');
  if (seconds < 172_800) return unit(Math.round(seconds / 3600), 'hour');
  return unit(Math.round(seconds / 86_400), 'day');
}

/**
 * How long ago the logged request was signed, when its scheme would now refuse it as too old (a
 * plain replay would fail); null otherwise. Read from the signature itself, so a capture imported
 * today but signed last week counts as stale too.
 */
export function staleSeconds(ctx: Pick<CoreContext, 'clock'>, route: Route, original: LoggedRequest): number | null {
  return staleIn(verifyLoggedNow(ctx, route, original));
}

/** The logged request's signature checked as the receiver would check it now. */
export function verifyLoggedNow(ctx: Pick<CoreContext, 'clock'>, route: Route, original: LoggedRequest): VerificationResult {
  const url = original.query ? `${original.path}?${original.query}` : original.path;
  return verifyRequest({
    config: route.settings.verification,
    secrets: route.secrets,
    request: { method: original.method, url, headers: headerRecord(original.headers), rawBody: original.body },
    now: ctx.clock.now(),
  });
}

/** How long ago a refused signature was made, when it was refused only for its age. */
export function staleIn(result: VerificationResult): number | null {
  const diagnosis = result.status === 'failed' ? result.diagnosis : undefined;
  return diagnosis?.code === 'timestamp_out_of_tolerance' && (diagnosis.skewSeconds ?? 0) > 0 ? (diagnosis.skewSeconds ?? 0) : null;
}

/**
 * The mode a replay takes when none is asked for: re-signed when the event is older than its
 * scheme's tolerance (a plain replay would be refused as stale), was edited, or was imported
 * redacted (either way its signature no longer matches its bytes); otherwise as configured. An
 * edited or redacted request that can't be re-signed ignores verification.
 */
export function defaultMode(plan: ResignPlan, stale: number | null, bytesChanged: boolean): ReplayMode {
  if (bytesChanged) return plan.available ? 'resign' : 'ignore_verification';
  return plan.available && stale !== null ? 'resign' : 'as_is';
}

const ageOf = (ctx: Pick<CoreContext, 'clock'>, original: LoggedRequest) => Math.max(0, Math.round((ctx.clock.now() - original.receivedAt) / 1000));

/** The mode to replay with, checked: re-signing must be possible, and an edit must not be judged as configured. */
export function resolveMode(ctx: Pick<CoreContext, 'clock'>, route: Route, plan: ResignPlan, original: LoggedRequest, asked: ReplayMode | undefined, edited: boolean): ReplayMode {
  const mode = asked ?? defaultMode(plan, edited ? null : staleSeconds(ctx, route, original), edited || original.redacted === true);
  if (mode === 'resign' && !plan.available) throw new ApiFailure('conflict', `Event ${original.id} can't be re-signed. ${plan.reason ?? ''}`.trim());
  if (mode === 'as_is' && edited) {
    throw new ApiFailure('invalid_input', 'An edited request no longer matches its signature: replay it re-signed or ignoring verification.', [
      { path: ['mode'], message: 're-sign or ignore verification for an edited request' },
    ]);
  }
  return mode;
}

function loggedRoute(ctx: CoreContext, id: number): { original: LoggedRequest; route: Route; plan: ResignPlan } {
  const original = ctx.events.request(id);
  if (!original) throw new ApiFailure('not_found', `No event ${id}`);
  if (!original.sourceId || !original.environment) {
    throw new ApiFailure('conflict', `Event ${id} reached no source (unknown endpoint), so there is no configuration to replay it through`);
  }
  const route = routeFor(ctx, original.sourceId, original.environment);
  return { original, route, plan: resignPlanFor(ctx, route) };
}

/** Why a request imported from a redacted export replays re-signed (or, where it can't be, ignoring verification). */
function redactedReason(plan: ResignPlan): string {
  const why = 'Its body was redacted when it was exported, so its bytes changed and its original signature can\'t verify';
  return plan.available ? `${why}; Inlet re-signs it.` : `${why}, and it can't be re-signed: replay it ignoring verification.`;
}

/** Which replay modes an event can take, the one it gets by default, and why. */
export function replayOptionsFor(ctx: CoreContext, id: number): ApiOutput<'events.replayOptions'> {
  const { original, route, plan } = loggedRoute(ctx, id);
  const stale = staleSeconds(ctx, route, original);
  const ageSeconds = stale ?? ageOf(ctx, original);
  const redacted = original.redacted === true;
  const mode = defaultMode(plan, stale, redacted);
  const why = redacted
    ? redactedReason(plan)
    : mode === 'resign'
      ? `This event is ${spokenDuration(ageSeconds)} old; ${plan.provider} rejects signatures older than ${spokenDuration(plan.toleranceSeconds)}, so Inlet re-signs it.`
      : stale !== null
        ? `This event is ${spokenDuration(ageSeconds)} old and ${plan.provider} rejects signatures older than ${spokenDuration(plan.toleranceSeconds)}, but it can't be re-signed: replay it ignoring verification.`
      : plan.available && plan.toleranceSeconds > 0
        ? `${plan.provider} accepts signatures up to ${spokenDuration(plan.toleranceSeconds)} old; after that Inlet re-signs replays by default.`
        : null;
  return {
    defaultMode: mode,
    reason: why,
    ageSeconds,
    toleranceSeconds: plan.toleranceSeconds,
    modes: [
      { mode: 'as_is', available: true, reason: redacted ? 'Its redacted body no longer matches its signature, so verification as configured fails.' : null },
      { mode: 'resign', available: plan.available, reason: plan.reason },
      { mode: 'ignore_verification', available: true, reason: null },
    ],
  };
}

/**
 * The logged request re-signed now for the local receiver (Host and URL as a copied cURL sends
 * them), for "Copy re-signed cURL". Valid until the scheme's tolerance runs out.
 */
export function resignedRequestFor(ctx: CoreContext, id: number): ApiOutput<'events.resignedRequest'> {
  const { original, plan } = loggedRoute(ctx, id);
  if (!plan.available) throw new ApiFailure('conflict', `Event ${id} can't be re-signed. ${plan.reason ?? ''}`.trim());
  const now = ctx.clock.now();
  let signed;
  try {
    signed = resignFor(plan, original, now, new URL(ctx.info.receiverUrl()).host);
  } catch (error) {
    throw new ApiFailure('invalid_input', `The ${original.environment} secret can't sign this request: ${error instanceof Error ? error.message : String(error)}`);
  }
  let bodyText: string | null;
  try {
    bodyText = new TextDecoder('utf-8', { fatal: true }).decode(signed.body);
  } catch {
    bodyText = null;
  }
  return {
    method: signed.method,
    path: signed.path,
    query: signed.query,
    headers: signed.headers.map(([n, v]) => [n, v]),
    bodyText,
    bodyBase64: signed.body.toString('base64'),
    bodySize: signed.body.length,
    signedAt: now,
    expiresAt: plan.toleranceSeconds > 0 ? now + plan.toleranceSeconds * 1000 : null,
  };
}
