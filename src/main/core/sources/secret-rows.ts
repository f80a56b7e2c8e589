import type { SealedSecret } from '../store/repos/sources.repo';
import type { Clock, SecretStore } from '../ports';
import { previewSecret } from './source-defaults';
import { newId } from '../util/ids';

export interface NewSecret {
  sourceId: string;
  environment: string;
  secret: string;
  /** Defaults to "Current" for an environment's first secret, else "Added <date>". */
  label?: string | undefined;
  /** How many secrets the environment already has. */
  existing: number;
}

/**
 * A secret as stored: trimmed, sealed by the secret store, with a masked preview. One helper for
 * every path that adds a secret (sources.addSecret, sources.connect, the SendGrid test key).
 */
export function sealSecret(deps: { secretStore: SecretStore; clock: Clock }, s: NewSecret): SealedSecret {
  const value = s.secret.trim();
  const now = deps.clock.now();
  return {
    id: newId('sec'),
    sourceId: s.sourceId,
    environment: s.environment,
    label: s.label ?? (s.existing === 0 ? 'Current' : `Added ${new Date(now).toISOString().slice(0, 10)}`),
    preview: previewSecret(value),
    sealed: deps.secretStore.seal(value),
    createdAt: now,
  };
}

/** A secret script variable as stored (the value sealed, only a preview in clear). */
export function sealedVar(deps: { secretStore: SecretStore }, v: { sourceId: string; environment: string; name: string; value: string }) {
  return { sourceId: v.sourceId, environment: v.environment, name: v.name, value: null, sealed: deps.secretStore.seal(v.value), preview: previewSecret(v.value) };
}

/** A plain script variable: its value is shown, so it is its own preview. */
export const plainVar = (v: { sourceId: string; environment: string; name: string; value: string }) => ({
  ...v,
  sealed: null,
  preview: v.value.slice(0, 40),
});
