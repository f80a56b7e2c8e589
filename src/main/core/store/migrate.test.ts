import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshotFile } from '../testing/snapshot-file';
import { DatabaseTooNewError, migrate, type Migration } from './migrate';
import { migrations } from './migrations';

const SNAPSHOT = join(__dirname, 'schema.snapshot.sql');

const schemaOf = (db: Database.Database) =>
  db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name")
    .all()
    .map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`)
    .join('\n');

describe('migrations', () => {
  it('produce the schema recorded in schema.snapshot.sql', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const schema = `${schemaOf(db)}\n`;
    // UPDATE_SCHEMA_SNAPSHOT=1 rewrites it, so a new migration is reviewed as a diff.
    expect(schema).toBe(readSnapshotFile(SNAPSHOT, schema, 'UPDATE_SCHEMA_SNAPSHOT'));
  });

  it('records the version and does nothing when run a second time', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toBe(migrations.length);
    const before = schemaOf(db);
    migrate(db, migrations);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(schemaOf(db)).toBe(before);
  });

  it('refuses a database written by a newer version, in words', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${migrations.length + 3}`);
    expect(() => migrate(db, migrations)).toThrow(DatabaseTooNewError);
    expect(() => migrate(db, migrations)).toThrow(/newer version of Inlet/);
  });

  it('rolls back a failing migration whole and keeps the previous version', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE b (x); CREATE TABLE a (y)') },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('rejects a migration list that is out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'x', up: () => {} }])).toThrow(/out of order/);
  });
});
