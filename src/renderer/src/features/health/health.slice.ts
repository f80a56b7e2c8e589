import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { DatabaseHealth } from '../../../../shared/api/contract-health';
import type { AppState } from '../../app/store';

export type DamagedDatabase = Extract<DatabaseHealth, { state: 'damaged' }>;
export type UncheckedDatabase = Extract<DatabaseHealth, { state: 'unchecked' }>;

export interface HealthSlice {
  /** Null until the host answered `health.get`. */
  databaseHealth: DatabaseHealth | null;
  /** The user closed the damage banner; it stays closed until the app is opened again. */
  healthDismissed: boolean;
  loadHealth(): Promise<void>;
  /** A pushed `health.changed`. */
  receiveHealth(database: DatabaseHealth): void;
  dismissHealth(): void;
}

export const createHealthSlice =
  (api: ApiClient): StateCreator<AppState, [], [], HealthSlice> =>
  (set) => {
    // A push is newer than any answer to a call made before it (an answer `checking` after the damage push).
    let pushes = 0;
    return {
      databaseHealth: null,
      healthDismissed: false,
      async loadHealth() {
        const before = pushes;
        const result = await api.result('health.get', {});
        // A failed read says nothing about the database: the banner stays as it was.
        if (result.ok && pushes === before) set({ databaseHealth: result.value.database });
      },
      receiveHealth(database) {
        pushes++;
        set({ databaseHealth: database });
      },
      dismissHealth: () => set({ healthDismissed: true }),
    };
  };

/** The damage the banner shows, or null (sound, still checking, or dismissed). */
export const shownDamage = (state: Pick<HealthSlice, 'databaseHealth' | 'healthDismissed'>): DamagedDatabase | null =>
  state.databaseHealth?.state === 'damaged' && !state.healthDismissed ? state.databaseHealth : null;

/** Why the database could not be checked, or null (checked, still checking, or dismissed). */
export const shownUnchecked = (state: Pick<HealthSlice, 'databaseHealth' | 'healthDismissed'>): UncheckedDatabase | null =>
  state.databaseHealth?.state === 'unchecked' && !state.healthDismissed ? state.databaseHealth : null;

/**
 * The two ways out as commands for this data dir. Double quotes keep a path with spaces whole in
 * POSIX shells, cmd and PowerShell alike.
 */
export function waysOutCommands(file: string): string[] {
  const dir = file.replace(/[\\/][^\\/]*$/, '') || file;
  const dataDir = `--data-dir "${dir}"`;
  return [`inlet serve ${dataDir} --export-readable <file>`, `inlet serve ${dataDir} --start-fresh`];
}
