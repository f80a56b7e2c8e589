import { z } from 'zod';

/**
 * Declarative verification schemes (SPEC §4). A provider preset is a value of this type, not code.
 * Only schemes that cannot be expressed as HMAC-over-a-template get their own `scheme` kind.
 */
const HeaderName = z.string().min(1).transform((h) => h.toLowerCase());

export const NoneSchemeSchema = z.object({ scheme: z.literal('none') });

export const SharedSecretSchemeSchema = z.object({
  scheme: z.literal('shared_secret'),
  header: HeaderName,
  /** Text before the secret in the header value, e.g. `Bearer ` (compared case-insensitively). */
  prefix: z.string().default(''),
  /** What secrets of this kind begin with, used only for "this secret looks wrong" hints. */
  secretPrefix: z.string().optional(),
});

export const BasicAuthSchemeSchema = z.object({ scheme: z.literal('basic') });

export const HmacSchemeSchema = z.object({
  scheme: z.literal('hmac'),
  algorithm: z.enum(['sha1', 'sha256', 'sha512']),
  encoding: z.enum(['hex', 'base64']),
  /** Header carrying the signature(s). */
  signatureHeader: HeaderName,
  /**
   * How the signature header is laid out:
   * - `plain`: the whole value (after `signaturePrefix`) is one signature;
   * - `kv`: `t=…,v1=…[,v1=…]` pairs separated by `pairSeparator`, signatures under `signatureKey`.
   *   Whitespace around pairs is ignored when reading, so `,` also reads WorkOS's `, `.
   */
  format: z.enum(['plain', 'kv']).default('plain'),
  /** Text before the signature in `plain` format, e.g. `sha256=` or `v0=`. */
  signaturePrefix: z.string().default(''),
  /** Written as-is when Inlet signs (test events); trimmed when reading. */
  pairSeparator: z.string().min(1).default(','),
  signatureKey: z.string().default('v1'),
  /** Signed content over `{id}`, `{timestamp}`, `{body}`, `{method}`, `{url}`. */
  signedContent: z.string().default('{body}'),
  timestamp: z
    .discriminatedUnion('from', [
      z.object({ from: z.literal('header'), header: HeaderName }),
      z.object({ from: z.literal('signature'), key: z.string().default('t') }),
    ])
    .optional(),
  timestampUnit: z.enum(['s', 'ms']).default('s'),
  /** Accepted clock difference in seconds; 0 disables the check. */
  toleranceSeconds: z.number().int().min(0).default(300),
  /** Where `{id}` comes from, when the signed content uses it. */
  idHeader: HeaderName.optional(),
  /** How the configured secret string becomes key bytes. */
  secretEncoding: z.enum(['raw', 'base64', 'whsec']).default('raw'),
  /** What secrets of this kind begin with (`whsec_`), used only for "this secret looks wrong" hints. */
  secretPrefix: z.string().optional(),
  /**
   * What the provider's own library refuses even under a valid signature: `non_empty` refuses an
   * empty body (octokit); `json` also answers 400 to a body that is not JSON (Stripe's constructEvent).
   */
  payload: z.enum(['any', 'non_empty', 'json']).default('any'),
  /** `lower`: hex signatures must be lower-case, as libraries that compare hex strings require (octokit, stripe-node). */
  hexCase: z.enum(['any', 'lower']).default('any'),
});

export const StandardWebhooksSchemeSchema = z.object({
  scheme: z.literal('standard_webhooks'),
  /**
   * `svix` for svix-id/svix-timestamp/svix-signature only, `webhook` for the Standard Webhooks names
   * only; `svix_or_webhook` reads each header as the svix library does (svix-* first, else webhook-*);
   * `any` reads whichever family the request carries, preferring webhook-*.
   */
  headerPrefix: z.enum(['svix', 'webhook', 'svix_or_webhook', 'any']).default('any'),
  toleranceSeconds: z.number().int().min(0).default(300),
});

/**
 * Where the provider calls Inlet from its side, for schemes that sign the full URL (Twilio, HubSpot
 * v3, Square). The receiver only sees path and query, so the verifier tries, in order: the request's
 * `publicUrls` (filled by the receiver, e.g. from the tunnel), this base URL + the request's path and
 * query, then the request's own Host header over https and http, each with and without the port.
 * A base given with Inlet's `/in/<token>` path is used as the full URL (only the query is added).
 */
const PublicBaseUrl = z
  .string()
  .regex(/^https?:\/\/[^/?#\s]+/i, 'a URL starting with http:// or https://')
  .optional();

/** Twilio: base64 HMAC-SHA1 over the full URL (+ sorted form params); JSON posts carry `?bodySHA256=`. */
export const TwilioSchemeSchema = z.object({ scheme: z.literal('twilio'), publicBaseUrl: PublicBaseUrl });

/** SendGrid Event Webhook: ECDSA P-256/SHA-256 over `timestamp + body`; the secret is the public key. */
export const SendgridSchemeSchema = z.object({
  scheme: z.literal('sendgrid'),
  /** Accepted clock difference in seconds on the timestamp header; 0 (SendGrid's SDK) disables it. */
  toleranceSeconds: z.number().int().min(0).default(0),
});

/** HubSpot signature v3: base64 HMAC-SHA256 over `METHOD + URI + body + timestamp(ms)`. */
export const HubspotV3SchemeSchema = z.object({
  scheme: z.literal('hubspot_v3'),
  publicBaseUrl: PublicBaseUrl,
  toleranceSeconds: z.number().int().min(0).default(300),
});

/** Mailgun: `signature: {timestamp, token, signature}` in the body; hex HMAC-SHA256 of `timestamp + token`. */
export const MailgunSchemeSchema = z.object({
  scheme: z.literal('mailgun'),
  /** Accepted age of `signature.timestamp` in seconds; 0 disables the check. */
  toleranceSeconds: z.number().int().min(0).default(0),
});

/** Square: base64 HMAC-SHA256 of `notificationUrl + body` in x-square-hmacsha256-signature. */
export const SquareSchemeSchema = z.object({ scheme: z.literal('square'), publicBaseUrl: PublicBaseUrl });

export const VerificationConfigSchema = z.discriminatedUnion('scheme', [
  NoneSchemeSchema,
  SharedSecretSchemeSchema,
  BasicAuthSchemeSchema,
  HmacSchemeSchema,
  StandardWebhooksSchemeSchema,
  TwilioSchemeSchema,
  SendgridSchemeSchema,
  HubspotV3SchemeSchema,
  MailgunSchemeSchema,
  SquareSchemeSchema,
]);
export type VerificationConfig = z.infer<typeof VerificationConfigSchema>;
export type VerificationConfigInput = z.input<typeof VerificationConfigSchema>;
export type HmacScheme = z.infer<typeof HmacSchemeSchema>;
export type SharedSecretScheme = z.infer<typeof SharedSecretSchemeSchema>;
export type StandardWebhooksScheme = z.infer<typeof StandardWebhooksSchemeSchema>;
export type TwilioScheme = z.infer<typeof TwilioSchemeSchema>;
export type SendgridScheme = z.infer<typeof SendgridSchemeSchema>;
export type HubspotV3Scheme = z.infer<typeof HubspotV3SchemeSchema>;
export type MailgunScheme = z.infer<typeof MailgunSchemeSchema>;
export type SquareScheme = z.infer<typeof SquareSchemeSchema>;

/** A named, ready-made configuration (Stripe, GitHub, …) a source can start from. */
export const VerificationPresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  config: VerificationConfigSchema,
  /** What a secret for this preset looks like and where to find it, in one sentence. */
  secretHint: z.string().optional(),
});
export type VerificationPreset = z.infer<typeof VerificationPresetSchema>;

export const VerificationStatusSchema = z.enum(['verified', 'failed', 'unverified']);
/** `verified`/`failed` when a scheme ran; `unverified` when the source has scheme `none`. */
export type VerificationStatus = z.infer<typeof VerificationStatusSchema>;

export const DiagnosisCodeSchema = z.enum([
  'no_secret',
  'missing_header',
  'malformed_header',
  'timestamp_out_of_tolerance',
  'no_match',
  /** The body is empty where the provider's library refuses an empty payload whatever its signature. */
  'empty_body',
  /** A secret (or secret script variable) is saved but can't be decrypted on this machine. */
  'secret_unusable',
]);

/**
 * `public_url`: a URL-signed scheme (Twilio, HubSpot, Square) matched none of the URLs tried; the
 * hint lists them. `unsigned_payload`: the scheme (Mailgun) doesn't cover the payload.
 */
export const HintCodeSchema = z.enum(['secret_kind', 'reserialized_body', 'other_environment', 'public_url', 'unsigned_payload']);

export const DiagnosisSchema = z.object({
  code: DiagnosisCodeSchema,
  message: z.string(),
  /** Signed clock difference in seconds (positive: the request is from the past). */
  skewSeconds: z.number().optional(),
  /** The header the diagnosis is about (missing or malformed), lower-cased. */
  header: z.string().optional(),
  hints: z.array(z.object({ code: HintCodeSchema, message: z.string() })),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export const VerificationResultSchema = z.object({
  status: VerificationStatusSchema,
  scheme: z.string(),
  /** Which configured secret matched (by id), for rotation visibility. */
  matchedSecretId: z.string().optional(),
  diagnosis: DiagnosisSchema.optional(),
});
export type VerificationResult = z.infer<typeof VerificationResultSchema>;
