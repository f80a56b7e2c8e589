import type { PreprocessOutput } from '../../../shared/domain/event';
import type { VerificationResult } from '../../../shared/domain/verification';
import { preprocessFor, sandboxRefusal } from './preprocess';
import type { SandboxRunner } from '../script-sandbox';
import { answerHandshake, type HandshakeAnswer } from '../templates';
import { assess, type AssessedRequest } from './assess';
import type { Route } from './routes';

const NOT_VERIFIED: VerificationResult = { status: 'unverified', scheme: 'none' };

/** What Inlet answers, before it is logged with the request. */
export interface Verdict {
  status: number;
  error: string | null;
  extraHeaders?: Record<string, string>;
}

export interface Judgement {
  verdict: Verdict;
  verification: VerificationResult;
  eventType: string | null;
  idempotencyKey: string | null;
  preprocess: PreprocessOutput | null;
  /** Set when the request was the provider's endpoint check, answered by the receiver itself. */
  handshake: HandshakeAnswer | null;
}

/** A request answered without being judged: refused before verification, by its script, or on a failure. */
export function unjudged(verdict: Verdict, preprocess: PreprocessOutput | null = null): Judgement {
  return { verification: NOT_VERIFIED, eventType: null, idempotencyKey: null, preprocess, handshake: null, verdict };
}

/**
 * Script, verification, event type, idempotency key, handshake and the answer, for a routed request.
 *
 * Object literals only, no `{ ...o }`, here and on the rest of a request's path (eslint.config.js
 * fences the files): in Node 20's V8 the objects a spread made per request ended up in the old
 * generation. This function's two spreads were 52 of the 64 MB promoted in 10 s at saturation, and
 * a full GC every second (bench/NOTES.md, session 10).
 */
export async function judge(sandbox: SandboxRunner, route: Route, request: Omit<AssessedRequest, 'preprocess'>, now: number, gone: AbortSignal): Promise<Judgement> {
  const preprocess = await preprocessFor(sandbox, route, { headers: request.headers, body: request.body, parsedBody: request.parsedBody }, { sender: { gone } });
  const refused = sandboxRefusal(preprocess);
  if (refused) return unjudged(refused, preprocess);
  const assessed = assess(
    route,
    { method: request.method, url: request.url, headers: request.headers, query: request.query, body: request.body, parsedBody: request.parsedBody, preprocess },
    { now },
  );
  const handshake =
    route.handshake && assessed.status < 300
      ? answerHandshake(route.handshake, {
          parsedBody: request.parsedBody,
          secrets: route.secrets.map((s) => s.value),
          verified: assessed.verification.status === 'verified',
        })
      : null;
  const verdict: Verdict = handshake
    ? { status: handshake.status, error: handshake.status < 300 ? null : 'Endpoint check not answered' }
    : { status: assessed.status, error: assessed.error };
  return { verification: assessed.verification, eventType: assessed.eventType, idempotencyKey: assessed.idempotencyKey, preprocess, handshake, verdict };
}

/** What an unexpected failure while judging a request answers; the event is still logged. */
export function internalError(error: unknown): Judgement {
  const message = error instanceof Error ? error.message : String(error);
  return unjudged({ status: 500, error: `Internal error: ${message.slice(0, 500)}` });
}
