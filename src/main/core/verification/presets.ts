import {
  VerificationPresetSchema,
  type VerificationConfigInput,
  type VerificationPreset,
} from '../../../shared/domain/verification';

type PresetInput = Omit<VerificationPreset, 'config'> & { config: VerificationConfigInput };

/** Parsed through the shared schema so defaults apply and a bad preset fails at load, not per request. */
const define = (p: PresetInput): VerificationPreset => VerificationPresetSchema.parse(p);

/**
 * Svix senders. The svix library reads each svix-* header and falls back to its webhook-* name, so
 * these do too; `strict` keeps to the svix-* names for providers whose own verifier requires them.
 */
const svixFamily = (id: string, name: string, description: string, secretHint: string, strict = false): VerificationPreset =>
  define({ id, name, description, secretHint, config: { scheme: 'standard_webhooks', headerPrefix: strict ? 'svix' : 'svix_or_webhook' } });

const sha256Body = (header: string, encoding: 'hex' | 'base64', signaturePrefix = '') =>
  ({ scheme: 'hmac', algorithm: 'sha256', encoding, signatureHeader: header, signaturePrefix, signedContent: '{body}' }) as const;

/** The built-in presets; the data behind `verification.presets`. Schemes per reference/providers.md. */
export const verificationPresets: readonly VerificationPreset[] = Object.freeze([
  define({
    id: 'stripe',
    name: 'Stripe',
    description: 'Stripe-Signature: t=<unix s>,v1=<hex> over "{timestamp}.{body}", HMAC-SHA256, 5 minutes tolerance.',
    secretHint: "The endpoint's signing secret, whsec_…, from Developers → Webhooks (or printed by `stripe listen`); not an sk_ API key.",
    config: {
      scheme: 'hmac',
      algorithm: 'sha256',
      encoding: 'hex',
      signatureHeader: 'stripe-signature',
      format: 'kv',
      signatureKey: 'v1',
      signedContent: '{timestamp}.{body}',
      timestamp: { from: 'signature', key: 't' },
      timestampUnit: 's',
      toleranceSeconds: 300,
      // Stripe keys the HMAC with the whole whsec_ string, unlike Svix which base64-decodes it.
      secretEncoding: 'raw',
      secretPrefix: 'whsec_',
      // As stripe-node's constructEvent: it compares lower-case hex strings and JSON-parses the payload.
      payload: 'json',
      hexCase: 'lower',
    },
  }),
  define({
    id: 'standard-webhooks',
    name: 'Standard Webhooks',
    description: 'webhook-id / webhook-timestamp / webhook-signature (or the svix-* names), "v1,<base64>" over "{id}.{timestamp}.{body}".',
    secretHint: 'A whsec_… secret (base64 after the prefix), as the sender shows it.',
    config: { scheme: 'standard_webhooks', headerPrefix: 'any' },
  }),
  svixFamily('svix', 'Svix', 'Svix-signed webhooks: svix-id / svix-timestamp / svix-signature (or the webhook-* names, as the svix library reads them).', "The endpoint's signing secret, whsec_…, from the Svix app portal."),
  // Clerk's verifyWebhook (@clerk/backend) refuses a request without all three svix-* headers.
  svixFamily('clerk', 'Clerk', 'Clerk delivers through Svix: svix-* headers, "v1,<base64>" signatures.', 'The signing secret, whsec_…, from Clerk Dashboard → Webhooks → your endpoint.', true),
  svixFamily('resend', 'Resend', 'Resend delivers through Svix: svix-* headers, "v1,<base64>" signatures.', 'The signing secret, whsec_…, from Resend → Webhooks → your endpoint.'),
  define({
    id: 'supabase-auth-hook',
    name: 'Supabase Auth Hook',
    description: 'Supabase auth hooks (HTTP) sign with Standard Webhooks: webhook-* headers.',
    secretHint: 'The hook secret exactly as the Supabase dashboard shows it, v1,whsec_…; Inlet removes the v1, itself.',
    config: { scheme: 'standard_webhooks', headerPrefix: 'webhook' },
  }),
  define({
    id: 'workos',
    name: 'WorkOS',
    description: 'WorkOS-Signature: t=<unix ms>, v1=<hex> over "{timestamp}.{body}", HMAC-SHA256, 3 minutes tolerance.',
    secretHint: "The webhook endpoint's secret from WorkOS Dashboard → Webhooks.",
    config: {
      scheme: 'hmac',
      algorithm: 'sha256',
      encoding: 'hex',
      signatureHeader: 'workos-signature',
      format: 'kv',
      pairSeparator: ', ',
      signatureKey: 'v1',
      signedContent: '{timestamp}.{body}',
      timestamp: { from: 'signature', key: 't' },
      timestampUnit: 'ms',
      toleranceSeconds: 180,
    },
  }),
  define({
    id: 'github',
    name: 'GitHub',
    description: 'X-Hub-Signature-256: sha256=<hex> over the body, HMAC-SHA256. No timestamp.',
    secretHint: 'The "Secret" you typed when creating the webhook (repository or organisation Settings → Webhooks).',
    // As @octokit/webhooks-methods' verify: no empty payload, and the exact lower-case hex string.
    config: { ...sha256Body('x-hub-signature-256', 'hex', 'sha256='), payload: 'non_empty', hexCase: 'lower' },
  }),
  define({
    id: 'shopify',
    name: 'Shopify',
    description: 'X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the body. No timestamp.',
    secretHint: "The app's client secret (or, for webhooks created in the store admin, the signing key shown there).",
    config: sha256Body('x-shopify-hmac-sha256', 'base64'),
  }),
  define({
    id: 'slack',
    name: 'Slack',
    description: 'X-Slack-Signature: v0=<hex> over "v0:{timestamp}:{body}", timestamp in X-Slack-Request-Timestamp, 5 minutes tolerance.',
    secretHint: "The app's Signing Secret from Basic Information → App Credentials (not the bot token or the verification token).",
    config: {
      ...sha256Body('x-slack-signature', 'hex', 'v0='),
      signedContent: 'v0:{timestamp}:{body}',
      timestamp: { from: 'header', header: 'x-slack-request-timestamp' },
      toleranceSeconds: 300,
    },
  }),
  // Providers without an official signer: schemes from their docs (reference/providers.md).
  define({
    id: 'linear',
    name: 'Linear',
    description: 'Linear-Signature: <hex> HMAC-SHA256 of the body. Freshness lives in the body (webhookTimestamp), not checked here.',
    secretHint: "The webhook's signing secret from Linear → Settings → API → Webhooks.",
    config: sha256Body('linear-signature', 'hex'),
  }),
  define({
    id: 'paddle',
    name: 'Paddle Billing',
    description: 'Paddle-Signature: ts=<unix s>;h1=<hex> over "{timestamp}:{body}", 5 s tolerance as in the Paddle SDK.',
    secretHint: "The notification destination's secret key, pdl_ntfset_…, from Paddle → Developer tools → Notifications.",
    config: {
      scheme: 'hmac',
      algorithm: 'sha256',
      encoding: 'hex',
      signatureHeader: 'paddle-signature',
      format: 'kv',
      pairSeparator: ';',
      signatureKey: 'h1',
      signedContent: '{timestamp}:{body}',
      timestamp: { from: 'signature', key: 'ts' },
      toleranceSeconds: 5,
      secretPrefix: 'pdl_ntfset_',
    },
  }),
  define({
    id: 'calendly',
    name: 'Calendly',
    description: 'Calendly-Webhook-Signature: t=<unix s>,v1=<hex> over "{timestamp}.{body}", 3 minutes tolerance.',
    secretHint: 'The signing key you supplied when creating the webhook subscription.',
    config: {
      scheme: 'hmac',
      algorithm: 'sha256',
      encoding: 'hex',
      signatureHeader: 'calendly-webhook-signature',
      format: 'kv',
      signedContent: '{timestamp}.{body}',
      timestamp: { from: 'signature', key: 't' },
      toleranceSeconds: 180,
    },
  }),
  define({
    id: 'typeform',
    name: 'Typeform',
    description: 'Typeform-Signature: sha256=<base64> HMAC-SHA256 of the body.',
    secretHint: "The webhook's secret, set in the form's Connect → Webhooks → Edit.",
    config: sha256Body('typeform-signature', 'base64', 'sha256='),
  }),
  define({
    id: 'lemon-squeezy',
    name: 'Lemon Squeezy',
    description: 'X-Signature: <hex> HMAC-SHA256 of the body.',
    secretHint: 'The signing secret (6–40 characters) you chose for the webhook in Settings → Webhooks.',
    config: sha256Body('x-signature', 'hex'),
  }),
  define({
    id: 'intercom',
    name: 'Intercom',
    description: 'X-Hub-Signature: sha1=<hex> HMAC-SHA1 of the body.',
    secretHint: "The app's client_secret from the Developer Hub → your app → Basic information.",
    config: { scheme: 'hmac', algorithm: 'sha1', encoding: 'hex', signatureHeader: 'x-hub-signature', signaturePrefix: 'sha1=' },
  }),
  define({
    id: 'zoom',
    name: 'Zoom',
    description: 'x-zm-signature: v0=<hex> over "v0:{timestamp}:{body}", timestamp in x-zm-request-timestamp.',
    secretHint: "The app's Secret Token from the Zoom App Marketplace → Features → Access.",
    config: {
      ...sha256Body('x-zm-signature', 'hex', 'v0='),
      signedContent: 'v0:{timestamp}:{body}',
      timestamp: { from: 'header', header: 'x-zm-request-timestamp' },
      // Zoom's own library checks no age and its timestamp unit is undocumented: signature only.
      toleranceSeconds: 0,
    },
  }),
  // Schemes that are not HMAC over a template: code in schemes/, still chosen here by data.
  define({
    id: 'twilio',
    name: 'Twilio',
    description:
      'X-Twilio-Signature: base64 HMAC-SHA1 over the full URL Twilio called + the sorted form parameters; JSON posts carry ' +
      '?bodySHA256=<hex> and only the URL is signed. The URL must match the one configured at Twilio exactly.',
    secretHint: "The account's primary Auth Token, 32 hexadecimal characters, from the Twilio Console (Account Info); not the Account SID or an API key.",
    config: { scheme: 'twilio' },
  }),
  define({
    id: 'sendgrid',
    name: 'SendGrid Event Webhook',
    description:
      'X-Twilio-Email-Event-Webhook-Signature: ECDSA P-256/SHA-256 over timestamp + body, timestamp in ' +
      'X-Twilio-Email-Event-Webhook-Timestamp. Verified with the public key; no age limit, as in SendGrid\'s SDK.',
    secretHint:
      'The public verification key from Settings → Mail Settings → Event Webhook → Signature Verification, base64 starting MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE (PEM armour is fine); not an SG. API key.',
    config: { scheme: 'sendgrid' },
  }),
  define({
    id: 'hubspot',
    name: 'HubSpot',
    description:
      'X-HubSpot-Signature-v3: base64 HMAC-SHA256 over METHOD + full URL + body + X-HubSpot-Request-Timestamp (ms); older than 5 minutes is rejected.',
    secretHint: "The app's client secret (developer account → your app → Auth); not a pat-… access token.",
    config: { scheme: 'hubspot_v3' },
  }),
  define({
    id: 'mailgun',
    name: 'Mailgun',
    description:
      'signature {timestamp, token, signature} inside the body: hex HMAC-SHA256 of timestamp + token. The event data itself is NOT covered by the signature.',
    secretHint: 'The HTTP webhook signing key from Mailgun → Sending → Webhooks; not the pubkey-… validation key.',
    config: { scheme: 'mailgun' },
  }),
  define({
    id: 'square',
    name: 'Square',
    description:
      "x-square-hmacsha256-signature: base64 HMAC-SHA256 over the subscription's notification URL + body. The URL must match the one in the subscription exactly.",
    secretHint: "The webhook subscription's signature key from the Developer Console → Webhooks; not an EAAA… access token.",
    config: { scheme: 'square' },
  }),
  define({
    id: 'shared-secret',
    name: 'Shared secret header',
    description: 'The sender puts a fixed secret in X-Webhook-Secret (Knock Custom HTTP default).',
    secretHint: 'Any long random string; configure the sender to send it in the X-Webhook-Secret header.',
    config: { scheme: 'shared_secret', header: 'x-webhook-secret' },
  }),
  define({
    id: 'bearer',
    name: 'Bearer token',
    description: 'The sender puts a fixed token in Authorization: Bearer <token>.',
    secretHint: 'The token alone, without "Bearer "; the sender sends Authorization: Bearer <token>.',
    config: { scheme: 'shared_secret', header: 'authorization', prefix: 'Bearer ' },
  }),
  define({
    id: 'basic',
    name: 'HTTP basic auth',
    description: 'The sender authenticates with Authorization: Basic <user:password>.',
    secretHint: 'user:password, as the sender is configured to send them.',
    config: { scheme: 'basic' },
  }),
]);

const byId = new Map(verificationPresets.map((p) => [p.id, p]));

/** The preset with this id, or undefined. */
export function getPreset(id: string): VerificationPreset | undefined {
  return byId.get(id);
}
