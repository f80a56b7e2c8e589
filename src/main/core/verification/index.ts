import type { VerificationConfig, VerificationResult } from '../../../shared/domain/verification';
import { diagnose, noSecretDiagnosis } from './diagnose';
import { checkHmac } from './schemes/hmac';
import { checkBasicAuth, checkSharedSecret } from './schemes/shared-secret';
import { checkHubspotV3 } from './schemes/hubspot';
import { checkMailgun } from './schemes/mailgun';
import { checkSendgrid } from './schemes/sendgrid';
import { checkSquare } from './schemes/square';
import { checkStandardWebhooks } from './schemes/standard-webhooks';
import { checkTwilio } from './schemes/twilio';
import type { SchemeOutcome, VerifyInput, VerifyRequest, VerifySecret } from './types';

export type { VerifyInput, VerifyRequest, VerifySecret } from './types';
export type { VerificationPreset } from '../../../shared/domain/verification';
export { verificationPresets, getPreset } from './presets';
export { secretFormatProblem, secretShapeProblem } from './secret-kind';
export { payloadRefusal } from './payload';
export { signRequest, signDelivery, type SignRequestInput, type SignedDelivery } from './sign';
export { createP256TestKeyPair, type P256TestKeyPair } from './sign-providers';

type CheckedConfig = Exclude<VerificationConfig, { scheme: 'none' }>;

function runScheme(config: CheckedConfig, secrets: VerifySecret[], request: VerifyRequest, now: number): SchemeOutcome {
  switch (config.scheme) {
    case 'hmac':
      return checkHmac(config, secrets, request, now);
    case 'standard_webhooks':
      return checkStandardWebhooks(config, secrets, request, now);
    case 'shared_secret':
      return checkSharedSecret(config, secrets, request);
    case 'basic':
      return checkBasicAuth(secrets, request);
    case 'twilio':
      return checkTwilio(config, secrets, request);
    case 'sendgrid':
      return checkSendgrid(config, secrets, request, now);
    case 'hubspot_v3':
      return checkHubspotV3(config, secrets, request, now);
    case 'mailgun':
      return checkMailgun(config, secrets, request, now);
    case 'square':
      return checkSquare(config, secrets, request);
  }
}

/**
 * Checks one request against a source's verification config. Pure: no I/O, the clock comes in as
 * `now`. Scheme `none` gives `unverified`; every `failed` result carries a diagnosis.
 */
export function verifyRequest(input: VerifyInput): VerificationResult {
  const config = input.config;
  const scheme = config.scheme;
  if (config.scheme === 'none') return { status: 'unverified', scheme };
  // A blank secret would equal a blank bearer token: it must never take part in a comparison.
  const secrets = input.secrets.filter((s) => s.value !== '');
  if (secrets.length === 0) return { status: 'failed', scheme, diagnosis: noSecretDiagnosis() };
  const outcome = runScheme(config, secrets, input.request, input.now);
  if (outcome.ok) return { status: 'verified', scheme, matchedSecretId: outcome.secretId };
  const tried: VerifyInput = { config, secrets, otherEnvironments: input.otherEnvironments, request: input.request, now: input.now };
  return { status: 'failed', scheme, diagnosis: diagnose(outcome, tried) };
}
