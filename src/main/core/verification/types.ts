import type { Diagnosis, VerificationConfig } from '../../../shared/domain/verification';

/** One received request, as the receiver saw it. */
export interface VerifyRequest {
  method: string;
  /** Path and query as received, e.g. `/in/abc?x=1`. */
  url: string;
  /** Lower-cased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  rawBody: Buffer;
  /**
   * Candidate full URLs the provider may have called for this request (scheme, host, path, query),
   * for schemes that sign the URL (Twilio, HubSpot v3, Square). The receiver fills it from what it
   * knows: the tunnel's public URL + the request's path and query, the URL the user configured.
   * Tried first, before the scheme's `publicBaseUrl` and the request's own Host header.
   */
  publicUrls?: string[];
}

/** A configured secret; `id` is reported back when it matches (rotation). */
export interface VerifySecret {
  id: string;
  value: string;
}

export interface VerifyInput {
  config: VerificationConfig;
  /** Every active secret of this source and environment; any of them may match. */
  secrets: VerifySecret[];
  /** Secrets of the same source in other environments, for the "another environment's secret matches" hint. */
  otherEnvironments?: { environment: string; secrets: string[] }[];
  request: VerifyRequest;
  /** Milliseconds since the epoch. */
  now: number;
}

/**
 * Re-runs a failed signature check against another body or other secrets, so the diagnosis can
 * say what *would* have matched. Built only after a failure, never on the hot path.
 */
export interface Probe {
  /** False for schemes that don't sign the body (shared secret, basic): no re-serialisation hint. */
  coversBody: boolean;
  matches(body: Buffer, secrets: readonly string[]): boolean;
}

/** What a scheme found, before diagnosis turns it into a `VerificationResult`. */
export type SchemeOutcome =
  | { ok: true; secretId: string }
  | {
      ok: false;
      code: 'missing_header' | 'malformed_header' | 'timestamp_out_of_tolerance' | 'no_match' | 'empty_body';
      message: string;
      header?: string;
      skewSeconds?: number;
      probe?: Probe;
      /** Hints only the scheme can give (e.g. which URLs a URL-signed scheme tried). */
      hints?: Diagnosis['hints'];
    };
