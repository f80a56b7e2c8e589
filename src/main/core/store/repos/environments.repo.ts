import type { Environment } from '../../../../shared/domain/environment';
import type { Db } from '../db';

interface EnvironmentRow {
  key: string;
  name: string;
  position: number;
  created_at: number;
}

const toEnvironment = (row: EnvironmentRow): Environment => ({
  key: row.key,
  name: row.name,
  position: row.position,
  createdAt: row.created_at,
});

export function createEnvironmentsRepo(db: Db) {
  const list = db.prepare<[], EnvironmentRow>('SELECT * FROM environments ORDER BY position, key');
  const get = db.prepare<[string], EnvironmentRow>('SELECT * FROM environments WHERE key = ?');
  const insert = db.prepare(
    'INSERT INTO environments (key, name, position, created_at) VALUES (@key, @name, @position, @createdAt)',
  );
  const nextPosition = db.prepare<[], { next: number }>(
    'SELECT COALESCE(MAX(position), -1) + 1 AS next FROM environments',
  );
  const rename = db.prepare('UPDATE environments SET name = @name WHERE key = @key');
  const remove = db.prepare('DELETE FROM environments WHERE key = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM environments');

  return {
    list: (): Environment[] => list.all().map(toEnvironment),
    get: (key: string): Environment | undefined => {
      const row = get.get(key);
      return row && toEnvironment(row);
    },
    insert(key: string, name: string, createdAt: number): Environment {
      const env = { key, name, position: nextPosition.get()?.next ?? 0, createdAt };
      insert.run(env);
      return env;
    },
    rename: (key: string, name: string): boolean => rename.run({ key, name }).changes > 0,
    remove: (key: string): boolean => remove.run(key).changes > 0,
    count: (): number => count.get()?.n ?? 0,
  };
}
export type EnvironmentsRepo = ReturnType<typeof createEnvironmentsRepo>;
