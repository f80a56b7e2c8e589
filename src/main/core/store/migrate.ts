import type Database from 'better-sqlite3';

export interface Migration {
  /** 1-based, contiguous: migration n moves the schema from version n-1 to n. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data was written by a newer version of Inlet (schema ${found}; this version knows up to ${supported}). ` +
        'Update Inlet, or point it at another data directory with --data-dir.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** Applies the pending migrations in order, one transaction each, and records each in user_version. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name} (version ${m.version})`);
  });
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
