import type { VerificationConfig } from '../../../shared/domain/verification';
import type { CoreContext } from '../context';
import { TEST_SIGNING_KEY_VAR as SENDGRID_KEY_VAR } from '../verification/resign';
import type { DestinationRecord } from './destinations-repo';

/**
 * What a re-signed delivery is signed with: the source's verification scheme in that environment
 * and the destination's own secret, else the environment's first secret. Throws a sentence when
 * there is nothing to sign with.
 */
export function resignInput(
  deps: Pick<CoreContext, 'routes' | 'secretStore'>,
  d: DestinationRecord,
  sourceId: string | null,
  environment: string | null,
  now: number,
): { config: VerificationConfig; secret: string; now: number } {
  const route = sourceId && environment ? deps.routes.forSource(sourceId, environment) : undefined;
  if (!route) throw new Error('its source or environment no longer exists, so it cannot be re-signed');
  const config = route.settings.verification;
  if (config.scheme === 'none') throw new Error(`the source does not sign its requests in ${environment}, so there is nothing to re-sign`);
  const own = d.secret ? deps.secretStore.open(d.secret) : null;
  const secret = own ?? (config.scheme === 'sendgrid' ? route.vars.values[SENDGRID_KEY_VAR] : route.secrets[0]?.value);
  if (!secret) throw new Error(`there is no secret to re-sign with: add one to the destination or to the source in ${environment}`);
  return { config, secret, now };
}
