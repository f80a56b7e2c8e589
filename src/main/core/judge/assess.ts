import type { PreprocessOutput } from '../../../shared/domain/event';
import type { VerificationResult } from '../../../shared/domain/verification';
import { scriptVerdict } from './preprocess';
import { payloadRefusal, verifyRequest } from '../verification';
import { extractText } from './extract';
import { withUnusableSecrets, type Route } from './routes';

export interface AssessedRequest {
  method: string;
  /** Path and query as received, e.g. `/in/abc?x=1`. */
  url: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: Buffer;
  parsedBody: unknown;
  /** The preprocess script's output for this request, when the source has one. */
  preprocess: PreprocessOutput | null;
}

export interface Assessment {
  verification: VerificationResult;
  eventType: string | null;
  idempotencyKey: string | null;
  status: number;
  error: string | null;
}

export interface AssessOptions {
  now: number;
  /** Replay "ignoring verification": check as of `now` (the original arrival) but never reject. */
  enforce?: boolean;
}

/**
 * What a rejected sender is told. The diagnosis (which header, how many secrets were tried, what
 * would have matched) helps whoever owns the source and stays in the log; told to the sender it
 * would help a forger, so the answer is the same whatever failed.
 */
export const SENDER_REASON = 'Signature verification failed';

/** Content types the receiver parses as JSON (parse-body.ts). */
const JSON_TYPE = /[/+]json/i;

/** What mapping expressions (and the event type and idempotency key paths) see of a judged request. */
export const mappingContext = (request: AssessedRequest) => ({
  body: request.parsedBody,
  headers: request.headers,
  query: request.query,
  preprocess: request.preprocess?.extra ?? {},
});

/**
 * What the receiver decides about a request for a known route: verification, event type,
 * idempotency key and the answer. Shared by the receiver, replay and rehearsal so they agree.
 */
export function assess(route: Route, request: AssessedRequest, { now, enforce = true }: AssessOptions): Assessment {
  const verification = withUnusableSecrets(
    route,
    scriptVerdict(request.preprocess) ??
      verifyRequest({
        config: route.settings.verification,
        secrets: route.secrets,
        otherEnvironments: route.otherEnvironments,
        request: { method: request.method, url: request.url, headers: request.headers, rawBody: request.body },
        now,
      }),
  );
  const ctx = mappingContext(request);
  const enforced = enforce && route.settings.enforceVerification;
  const rejected = enforced && verification.status !== 'verified';
  // Under enforcement Inlet answers as the provider's library would, which also refuses some
  // correctly signed bodies; the request is logged like any other.
  const parsedAsJson = request.parsedBody !== null && JSON_TYPE.test(request.headers['content-type'] ?? '');
  const refused = enforced && !rejected ? payloadRefusal(route.settings.verification, request.body, parsedAsJson) : null;
  return {
    verification,
    eventType: extractText(route.settings.eventTypePath, ctx),
    idempotencyKey: extractText(route.settings.idempotencyKeyPath, ctx),
    status: rejected ? 401 : refused ? 400 : 200,
    error: rejected ? SENDER_REASON : refused,
  };
}
