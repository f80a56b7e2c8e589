import type { DatabaseHealth } from '../../../shared/api/contract-health';
import type { BackgroundCheckOutcome } from './background-check';
import { DAMAGED_DATABASE_OPTIONS } from './integrity';

/**
 * What the core knows of its database's soundness, for `health.get`. A check at open that found
 * damage never lets the core start, so only the background check can change this.
 */
export interface DatabaseHealthState {
  database(): DatabaseHealth;
  /** The background check's answer (null: it was stopped, nothing learned). */
  found(outcome: BackgroundCheckOutcome | null): void;
}

export function createDatabaseHealth(
  file: string,
  checkingLater: boolean,
  onBad: (health: DatabaseHealth) => void,
): DatabaseHealthState {
  let current: DatabaseHealth = checkingLater ? { state: 'checking' } : { state: 'sound' };
  return {
    database: () => current,
    found(outcome) {
      if (outcome === null) return;
      current = healthOf(file, outcome);
      if (current.state !== 'sound') onBad(current);
    },
  };
}

export function healthOf(file: string, outcome: BackgroundCheckOutcome): DatabaseHealth {
  if ('failed' in outcome) {
    return { state: 'unchecked', file, summary: `The database ${file} could not be checked for damage: ${outcome.failed}` };
  }
  if (outcome.problems.length === 0) return { state: 'sound' };
  return {
    state: 'damaged',
    file,
    summary: `The database ${file} is damaged: Inlet keeps running, but events on the damaged pages can't be read.`,
    problems: outcome.problems,
    waysOut: DAMAGED_DATABASE_OPTIONS,
  };
}
