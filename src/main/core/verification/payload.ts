import type { VerificationConfig } from '../../../shared/domain/verification';

/**
 * Why the provider's own library would refuse this body although its signature is valid, or null.
 * Stripe's constructEvent JSON-parses the payload after checking it, so a correctly signed body
 * that is not JSON never reaches the application: the sender is answered 400, the request logged.
 * `parsedAsJson`: the receiver already parsed it as JSON, so it is not parsed twice.
 */
export function payloadRefusal(config: VerificationConfig, rawBody: Buffer, parsedAsJson = false): string | null {
  if (config.scheme !== 'hmac' || config.payload !== 'json' || parsedAsJson) return null;
  try {
    JSON.parse(rawBody.toString('utf8'));
    return null;
  } catch {
    return 'The body is not valid JSON';
  }
}
