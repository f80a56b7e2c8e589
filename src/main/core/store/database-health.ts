import type { DatabaseHealth } from '../../../shared/api/contract-health';
import type { BackgroundCheckOutcome } from './background-check';
import { DAMAGED_DATABASE_OPTIONS } from './integrity';

/**
 * What the core knows of its database's soundness, for `health.get`. A check at open that found
 * damage never lets the core start, so only the background check, or a damaged page met while
 * running, can change this.
 */
export interface DatabaseHealthState {
  database(): DatabaseHealth;
  /** The background check's answer (null: it was stopped, nothing learned). */
  found(outcome: BackgroundCheckOutcome | null): void;
  /** A read or write met a damaged page while running (SQLite's message): the UIs learn it once. */
  metWhileRunning(message: string): void;
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
      // Damage already met while running stays shown, whatever a check that started earlier says.
      if (current.state === 'damaged') return;
      current = healthOf(file, outcome);
      if (current.state !== 'sound') onBad(current);
    },
    metWhileRunning(message) {
      if (current.state === 'damaged') return;
      current = damagedHealth(file, [message]);
      onBad(current);
    },
  };
}

export function healthOf(file: string, outcome: BackgroundCheckOutcome): DatabaseHealth {
  if ('failed' in outcome) {
    return { state: 'unchecked', file, summary: `The database ${file} could not be checked for damage: ${outcome.failed}` };
  }
  if (outcome.problems.length === 0) return { state: 'sound' };
  return damagedHealth(file, outcome.problems);
}

const damagedHealth = (file: string, problems: string[]): DatabaseHealth => ({
  state: 'damaged',
  file,
  summary: `The database ${file} is damaged: Inlet keeps running, but events on the damaged pages can't be read.`,
  problems,
  waysOut: DAMAGED_DATABASE_OPTIONS,
});
