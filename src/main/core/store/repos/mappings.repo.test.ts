import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mapping } from '../../../../shared/domain/mapping';
import { migrate } from '../migrate';
import { migrations } from '../migrations';
import { createMappingsRepo } from './mappings.repo';

/* Migration 008: a mapping's per-environment overrides sit next to its shared parameters. */
const open: Database.Database[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const database = (upTo = migrations.length) => {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-mappings-'));
  dirs.push(dir);
  const db = new Database(join(dir, 'inlet.db'));
  open.push(db);
  migrate(db, migrations.slice(0, upTo));
  db.prepare("INSERT INTO sources (id, key, name, template_id, template_version, created_at) VALUES ('src_1', 'app', 'App', 'custom', '1', 0)").run();
  return db;
};

const base: Mapping = {
  id: 'map_1', sourceId: 'src_1', eventType: 'user.created', actionType: 'users_identify',
  params: { id: 'body.user.id', name: 'body.user.name' }, activeIn: ['development', 'production'], position: 0, createdAt: 1, updatedAt: 1,
};

describe('the mappings repo with per-environment overrides', () => {
  it('reads a mapping saved before migration 008 as the same in every environment', () => {
    const db = database(7);
    db.prepare(
      `INSERT INTO mappings (id, source_id, event_type, action_type, params, condition, active_in, position, created_at, updated_at)
       VALUES ('map_old', 'src_1', 'user.created', 'users_identify', '{"id":"body.id"}', NULL, '["development"]', 0, 1, 1)`,
    ).run();
    migrate(db, migrations);
    const [old] = createMappingsRepo(db).bySource('src_1');
    expect(old).toEqual({
      id: 'map_old', sourceId: 'src_1', eventType: 'user.created', actionType: 'users_identify',
      params: { id: 'body.id' }, activeIn: ['development'], position: 0, createdAt: 1, updatedAt: 1,
    });
  });

  it('stores overrides without those equal to the shared value, and reads them back', () => {
    const repo = createMappingsRepo(database());
    repo.save({ ...base, overrides: { production: { name: 'body.user.nickname', id: 'body.user.id' }, development: { name: 'body.user.name' } } });
    expect(repo.get('map_1')?.overrides).toEqual({ production: { name: 'body.user.nickname' } });
    expect(repo.bySource('src_1')[0]?.overrides).toEqual({ production: { name: 'body.user.nickname' } });
  });

  it('drops its cached list when a mapping is saved, so the new overrides run at once', () => {
    const repo = createMappingsRepo(database());
    repo.save(base);
    expect(repo.bySource('src_1')[0]?.overrides).toBeUndefined();
    repo.save({ ...base, overrides: { production: { name: '"Prod"' } } });
    expect(repo.bySource('src_1')[0]?.overrides).toEqual({ production: { name: '"Prod"' } });
  });

  it('gives a configuration file its mappings with their overrides, without ids or times', () => {
    const repo = createMappingsRepo(database());
    repo.save({ ...base, overrides: { production: { name: 'body.user.nickname' } } });
    repo.save({ ...base, id: 'map_2', eventType: 'user.deleted', actionType: 'users_delete', params: { id: 'body.id' }, position: 1 });
    expect(repo.exportShape('src_1')).toEqual([
      {
        eventType: 'user.created', actionType: 'users_identify', params: base.params, activeIn: ['development', 'production'],
        overrides: { production: { name: 'body.user.nickname' } }, position: 0,
      },
      { eventType: 'user.deleted', actionType: 'users_delete', params: { id: 'body.id' }, activeIn: ['development', 'production'], position: 1 },
    ]);
  });
});
