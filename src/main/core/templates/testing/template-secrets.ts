/** Plausible secrets per template, for tests: each passes the template's format check. Test-only. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Template } from '../../../../shared/domain/template';
import { sendgridTestKey } from '../../verification/testing/provider-signers';

const whsec = () => `whsec_${randomBytes(32).toString('base64')}`;

const bySecretKind: Record<string, () => string> = {
  'supabase-auth-hook': () => `v1,${whsec()}`,
  paddle: () => `pdl_ntfset_01hv8x29kz0t586xy6zn1a62ny_${randomBytes(24).toString('base64url')}`,
  twilio: () => randomBytes(16).toString('hex'),
  hubspot: () => randomUUID(),
  sendgrid: sendgridTestKey,
};

/** A secret the template would accept at connect time (SendGrid: a public key `signSendgrid` can sign for). */
export function testSecretFor(template: Template): string {
  const special = bySecretKind[template.id];
  if (special) return special();
  const scheme = template.verification.scheme;
  const prefix = scheme === 'hmac' ? template.verification.secretPrefix : undefined;
  if (scheme === 'standard_webhooks' || prefix === 'whsec_') return whsec();
  return `${prefix ?? ''}${randomBytes(20).toString('hex')}`;
}
