import { DEFAULT_EVENT_TYPE_PATH, type SourceEnvSettings } from '../../../shared/domain/source';
import { newEndpointToken } from '../util/ids';

/** A Custom source's settings in a new environment: open, unverified, event type at `body.type`. */
export const defaultSettings = (environment: string): Omit<SourceEnvSettings, 'secrets' | 'vars'> => ({
  environment,
  endpointToken: newEndpointToken(),
  enabled: true,
  verification: { scheme: 'none' },
  eventTypePath: DEFAULT_EVENT_TYPE_PATH,
  timestampPath: null,
  idempotencyKeyPath: null,
  enforceVerification: false,
  preprocess: null,
});

/** A masked preview of a secret: its kind prefix and last four characters. */
export function previewSecret(secret: string): string {
  if (secret.length < 12) return '••••';
  const kind = /^[A-Za-z0-9]{1,8}_/.exec(secret)?.[0] ?? /^v1,whsec_/.exec(secret)?.[0] ?? '';
  return `${kind}…${secret.slice(-4)}`;
}
