/**
 * Each environment's colour, derived from its key so nothing new is stored: production-like keys are
 * red (a warning), development-like green, staging-like amber, others a stable pick from a palette.
 */
export type EnvTone = 'red' | 'green' | 'amber' | 'blue' | 'purple' | 'teal' | 'pink';

const PRODUCTION = /^(prod|production|live|main)([-_]|$)/;
const DEVELOPMENT = /^(dev|development|local|localhost|test|testing|sandbox)([-_]|$)/;
const STAGING = /^(stag|staging|stage|preview|qa|uat)([-_]|$)/;
const PALETTE: readonly EnvTone[] = ['blue', 'purple', 'teal', 'pink'];

/** Whether an environment deserves the production warning tint. */
export const isProductionEnv = (key: string): boolean => PRODUCTION.test(key);

/** A small stable hash, so a custom environment keeps its colour across runs and machines. */
const hash = (s: string): number => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

export function envTone(key: string): EnvTone {
  if (isProductionEnv(key)) return 'red';
  if (DEVELOPMENT.test(key)) return 'green';
  if (STAGING.test(key)) return 'amber';
  return PALETTE[hash(key) % PALETTE.length] ?? 'blue';
}
