import type { SourceEnvSettings } from '../../../../shared/domain/source';

/** Whether the environment holds something to verify with: a secret, or a secret script variable. */
export const hasSecret = (settings: Pick<SourceEnvSettings, 'secrets' | 'vars'>): boolean =>
  settings.secrets.length > 0 || settings.vars.some((v) => v.secret);

export type EnforcementState = 'enforced' | 'off' | 'off_with_secret';

/** How verification is applied in one environment; `off_with_secret` is the case worth a warning. */
export function enforcementState(settings: Pick<SourceEnvSettings, 'enforceVerification' | 'secrets' | 'vars'>): EnforcementState {
  if (settings.enforceVerification) return 'enforced';
  return hasSecret(settings) ? 'off_with_secret' : 'off';
}

export const ENFORCEMENT_OFF_WARNING =
  'Verification is not enforced although a secret is set: a forged request is accepted and its mappings run. ' +
  'Turn on “Enforce verification” to answer it 401 instead.';
