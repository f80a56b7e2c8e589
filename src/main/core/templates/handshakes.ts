import { createHmac } from 'node:crypto';
import type { HandshakeKind } from '../../../shared/domain/template';

export type { HandshakeKind };

export interface HandshakeInput {
  /** The request's parsed JSON body (anything else is never a handshake). */
  parsedBody: unknown;
  /** The environment's secrets, opened; Zoom answers with the first. */
  secrets: readonly string[];
  /**
   * Whether the request passed the source's verification. Zoom's answer is an HMAC of a string the
   * caller chose, under the same secret that signs events: answering unverified requests would hand
   * out signatures for forged events, so (as Zoom's own library does) only verified ones get it.
   */
  verified: boolean;
}

export interface HandshakeAnswer {
  status: number;
  body: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Slack Events API: `{type: 'url_verification', challenge}` is answered with the challenge. */
function slack(body: unknown): HandshakeAnswer | null {
  if (!isRecord(body) || body.type !== 'url_verification' || typeof body.challenge !== 'string') return null;
  return { status: 200, body: { challenge: body.challenge } };
}

/** What an unanswered endpoint check gets: the same words as any failed verification. */
const NOT_VERIFIED: HandshakeAnswer = { status: 401, body: { error: 'Signature verification failed' } };

/**
 * Zoom: `{event: 'endpoint.url_validation', payload: {plainToken}}` is answered with the token and
 * its hex HMAC-SHA256 under the app's Secret Token. An unverified request, or one to an environment
 * without a secret, gets 401 and no detail: whether a secret is set is for the log (its diagnosis
 * says "no secret"), not for whoever sent the request.
 */
function zoom({ parsedBody: body, secrets, verified }: HandshakeInput): HandshakeAnswer | null {
  if (!isRecord(body) || body.event !== 'endpoint.url_validation' || !isRecord(body.payload)) return null;
  const { plainToken } = body.payload;
  if (typeof plainToken !== 'string') return null;
  const secret = secrets.find((s) => s !== '');
  if (secret === undefined || !verified) return NOT_VERIFIED;
  return { status: 200, body: { plainToken, encryptedToken: createHmac('sha256', secret).update(plainToken, 'utf8').digest('hex') } };
}

/**
 * The receiver's automatic answer to a provider's endpoint check, or null when the request is not
 * one (it is then handled like any other). Pure; the receiver still logs the request.
 */
export function answerHandshake(kind: HandshakeKind, input: HandshakeInput): HandshakeAnswer | null {
  switch (kind) {
    case 'slack_url_verification':
      return slack(input.parsedBody);
    case 'zoom_url_validation':
      return zoom(input);
  }
}
