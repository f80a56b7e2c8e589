import type { PreprocessOutput } from '../../../shared/domain/event';
import type { VerificationResult } from '../../../shared/domain/verification';
import { scriptVerdict } from '../pipeline/preprocess';
import { verifyRequest } from '../verification';
import { extractText } from './extract';
import type { Route } from './routes';

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
 * What the receiver decides about a request for a known route: verification, event type,
 * idempotency key and the answer. Shared by the receiver, replay and rehearsal so they agree.
 */
export function assess(route: Route, request: AssessedRequest, { now, enforce = true }: AssessOptions): Assessment {
  const verification =
    scriptVerdict(request.preprocess) ??
    verifyRequest({
      config: route.settings.verification,
      secrets: route.secrets,
      otherEnvironments: route.otherEnvironments,
      request: { method: request.method, url: request.url, headers: request.headers, rawBody: request.body },
      now,
    });
  const ctx = { body: request.parsedBody, headers: request.headers, query: request.query, preprocess: request.preprocess?.extra ?? {} };
  const rejected = enforce && route.settings.enforceVerification && verification.status !== 'verified';
  return {
    verification,
    eventType: extractText(route.settings.eventTypePath, ctx),
    idempotencyKey: extractText(route.settings.idempotencyKeyPath, ctx),
    status: rejected ? 401 : 200,
    error: rejected ? `Verification failed: ${verification.diagnosis?.message ?? 'no scheme configured'}` : null,
  };
}
