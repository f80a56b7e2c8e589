import type { VerificationConfig } from '../../../shared/domain/verification';
import { looksLikePrivateKey, P256_SPKI_PREFIX, p256PublicKey } from './ecdsa-keys';

/** Schemes whose secrets have a recognisable form of their own. */
export type ProviderKind = 'twilio' | 'sendgrid' | 'hubspot_v3' | 'mailgun' | 'square';

export function providerKindOf(config: VerificationConfig): ProviderKind | undefined {
  switch (config.scheme) {
    case 'twilio':
    case 'sendgrid':
    case 'hubspot_v3':
    case 'mailgun':
    case 'square':
      return config.scheme;
    default:
      return undefined;
  }
}

type Check = (secret: string) => string | undefined;
const when = (test: RegExp, says: string): Check => (s) => (test.test(s) ? says : undefined);

const TWILIO_TOKEN = /^[0-9a-f]{32}$/i;
const SENDGRID_KEY = `SendGrid's public verification key (Settings → Mail Settings → Event Webhook → Signature Verification), base64 starting ${P256_SPKI_PREFIX}`;

/** Ways a pasted secret is recognisably not the provider's signing key; first hit wins. */
const CHECKS: Readonly<Record<ProviderKind, readonly Check[]>> = {
  twilio: [
    when(/^AC[0-9a-f]{32}$/i, "is an Account SID (AC…); Twilio signs with the account's Auth Token, 32 hexadecimal characters."),
    when(/^SK[0-9a-f]{32}$/i, "is an API key SID (SK…); Twilio signs webhooks with the account's primary Auth Token, not API keys."),
    (s) => (TWILIO_TOKEN.test(s) ? undefined : 'is not 32 hexadecimal characters, the form of a Twilio Auth Token; copy the primary Auth Token from the Console (Account Info).'),
  ],
  sendgrid: [
    (s) => (looksLikePrivateKey(s) ? `is a private key; SendGrid keeps its private key and Inlet needs only ${SENDGRID_KEY}.` : undefined),
    when(/^SG\./, `is a SendGrid API key (SG.…); verification needs ${SENDGRID_KEY}.`),
    (s) => (p256PublicKey(s) ? undefined : `is not a P-256 public key; this scheme needs ${SENDGRID_KEY} (with or without PEM armour).`),
  ],
  hubspot_v3: [
    when(/^pat-/, "is a private app access token (pat-…); HubSpot signs webhooks with the app's client secret (app settings → Auth)."),
  ],
  mailgun: [
    when(/^pubkey-/, 'is the public validation key (pubkey-…); Mailgun signs with the HTTP webhook signing key (Sending → Webhooks).'),
  ],
  square: [
    when(/^EAAA/, "is an access token (EAAA…); Square signs with the webhook subscription's signature key (Developer Console → Webhooks → your subscription)."),
    when(/^sq0csp-/, "is the application secret (sq0csp-…); Square signs with the webhook subscription's signature key."),
    when(/^(sandbox-)?sq0id[pb]-/, "is an application ID; Square signs with the webhook subscription's signature key."),
  ],
};

/** The first way `secret` is not a `kind` signing key, as the end of a sentence starting "The secret". */
export function providerSecretProblem(kind: ProviderKind, secret: string): string | undefined {
  for (const check of CHECKS[kind]) {
    const hit = check(secret);
    if (hit) return hit;
  }
  return undefined;
}
