import type { VerificationConfig } from '../../../shared/domain/verification';
import { decodeSecret, stripWhsec } from './secrets';
import { providerKindOf, providerSecretProblem, type ProviderKind } from './secret-kind-providers';

/** What the configured secrets should look like, derived from the scheme. */
interface Expectation {
  prefix?: string;
  /** `v1,` + `whsec_` forms are accepted (Standard Webhooks family). */
  standardWebhooks: boolean;
  bearerPrefix: boolean;
  /** Provider-specific key forms (Twilio Auth Token, SendGrid public key, …). */
  kind?: ProviderKind;
}

function expectationOf(config: VerificationConfig): Expectation {
  switch (config.scheme) {
    case 'standard_webhooks':
      return { prefix: 'whsec_', standardWebhooks: true, bearerPrefix: false };
    case 'hmac':
      return { prefix: config.secretPrefix, standardWebhooks: config.secretEncoding === 'whsec', bearerPrefix: false };
    case 'shared_secret':
      return { prefix: config.secretPrefix, standardWebhooks: false, bearerPrefix: config.prefix.trim().toLowerCase() === 'bearer' };
    default: {
      const kind = providerKindOf(config);
      return kind ? { standardWebhooks: false, bearerPrefix: false, kind } : { standardWebhooks: false, bearerPrefix: false };
    }
  }
}

const URL_LIKE = /^https?:\/\//i;
const API_KEY = /^(sk|pk|rk)_(test|live)_/;
const SURROUNDING_SPACE = /^\s|\s$/;
const SUPABASE_FORM = /^v1,whsec_/;
const BEARER = /^bearer\s/i;

type Rule = (secret: string, expect: Expectation) => string | undefined;

// Keys in PEM armour (SendGrid) come with line breaks, which are read correctly.
const spaceRule: Rule = (s, e) =>
  e.kind !== 'sendgrid' && SURROUNDING_SPACE.test(s) ? 'begins or ends with whitespace; copy it again without the spaces.' : undefined;

const expected = (e: Expectation) => (e.prefix ? `a webhook signing secret, which starts with ${e.prefix}` : 'a webhook signing secret');

/** Each rule names one way a pasted secret is recognisably the wrong thing. First hit wins per secret. */
const RULES: readonly Rule[] = [
  (s) => (URL_LIKE.test(s) ? 'is a URL. Paste the signing secret here, not the endpoint address.' : undefined),
  (s, e) => {
    const m = API_KEY.exec(s);
    return m ? `starts with ${m[0]}, the prefix of a Stripe API key; this scheme needs ${expected(e)}.` : undefined;
  },
  spaceRule,
  (s, e) =>
    e.bearerPrefix && BEARER.test(s) ? 'starts with "Bearer ": enter only the token, the scheme adds "Bearer " itself.' : undefined,
  (s, e) =>
    !e.standardWebhooks && SUPABASE_FORM.test(s)
      ? 'has the v1,whsec_… form Supabase shows for Standard Webhooks secrets, but this scheme is not Standard Webhooks; pick the Supabase auth hook preset if Supabase is the sender.'
      : undefined,
  // The Standard Webhooks and svix libraries take the key with or without its whsec_ prefix.
  (s, e) =>
    e.prefix && !e.standardWebhooks && !s.startsWith(e.prefix)
      ? `does not start with ${e.prefix}, as secrets for this scheme do; copy the whole value from the provider's dashboard.`
      : undefined,
  (s, e) =>
    e.standardWebhooks && decodeSecret(s, 'whsec') === null
      ? `is not valid base64${stripWhsec(s) === s ? '' : ' after its whsec_ prefix'} (${stripWhsec(s).length} characters), so it can't be a Standard Webhooks key; it may be cut short.`
      : undefined,
  (s, e) => (e.kind ? providerSecretProblem(e.kind, s) : undefined),
];

/**
 * Why `secret` can't be saved as it was typed, whatever it is for: empty, or with surrounding
 * whitespace (no provider library trims a secret; PEM keys, whose line breaks are read, excepted).
 * Every path that saves a secret refuses these, so none trims one silently.
 */
export function secretShapeProblem(config: VerificationConfig, secret: string): string | undefined {
  if (secret.trim() === '') return 'The secret is empty.';
  const hit = spaceRule(secret, expectationOf(config));
  return hit && `The secret ${hit}`;
}

/**
 * Why `secret` doesn't look like a secret for `config`, as a sentence, or undefined when it looks
 * right: the connect dialog's format check, with the same rules as the `secret_kind` hint.
 */
export function secretFormatProblem(config: VerificationConfig, secret: string): string | undefined {
  return secretKindHints(config, [secret])[0];
}

/** Sentences for the `secret_kind` hint: secrets that look like something other than what the scheme expects. */
export function secretKindHints(config: VerificationConfig, secrets: readonly string[]): string[] {
  const expect = expectationOf(config);
  const subject = secrets.length === 1 ? 'The secret' : 'One of the secrets';
  const hints = new Set<string>();
  for (const secret of secrets) {
    for (const rule of RULES) {
      const hit = rule(secret, expect);
      if (hit) {
        hints.add(`${subject} ${hit}`);
        break;
      }
    }
  }
  return [...hints];
}
