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

export const UNJUDGED: Omit<Judgement, 'verdict'> = { verification: NOT_VERIFIED, eventType: null, idempotencyKey: null, preprocess: null, handshake: null };

/** Script, verification, event type, idempotency key, handshake and the answer, for a routed request. */
export async function judge(sandbox: SandboxRunner, route: Route, request: Omit<AssessedRequest, 'preprocess'>, now: number, gone: AbortSignal): Promise<Judgement> {
  const preprocess = await preprocessFor(sandbox, route, { headers: request.headers, body: request.body, parsedBody: request.parsedBody }, { sender: { gone } });
  const refused = sandboxRefusal(preprocess);
  if (refused) return { ...UNJUDGED, preprocess, verdict: refused };
  const assessed = assess(route, { ...request, preprocess }, { now });
  const judged = { verification: assessed.verification, eventType: assessed.eventType, idempotencyKey: assessed.idempotencyKey, preprocess };
  const handshake =
    route.handshake && assessed.status < 300
      ? answerHandshake(route.handshake, {
          parsedBody: request.parsedBody,
          secrets: route.secrets.map((s) => s.value),
          verified: assessed.verification.status === 'verified',
        })
      : null;
  if (handshake) {
    return { ...judged, handshake, verdict: { status: handshake.status, error: handshake.status < 300 ? null : 'Endpoint check not answered' } };
  }
  return { ...judged, handshake: null, verdict: { status: assessed.status, error: assessed.error } };
}

/** What an unexpected failure while judging a request answers; the event is still logged. */
export function internalError(error: unknown): Judgement {
  const message = error instanceof Error ? error.message : String(error);
  return { ...UNJUDGED, verdict: { status: 500, error: `Internal error: ${message.slice(0, 500)}` } };
}
