import type { BundleWorkspace, SnapshotConflictKind } from '../../../shared/domain/bundle-workspace';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db';

type Row = Record<string, unknown>;
type Props = Record<string, unknown>;
const props = (v: unknown): Props => (typeof v === 'string' ? (JSON.parse(v) as Props) : {});
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const json = (v: unknown) => JSON.stringify(v ?? {});

/** One table a snapshot carries: its columns (primary key first) and the statements built from them. */
interface Table {
  name: string;
  key: string[];
  columns: string[];
}
const TABLES: Record<SnapshotConflictKind, Table> = {
  users: {
    name: 'ws_users', key: ['id'],
    columns: ['name', 'email', 'phone_number', 'avatar', 'locale', 'timezone', 'properties', 'channel_data', 'preferences', 'created_at', 'updated_at'],
  },
  objects: { name: 'ws_objects', key: ['collection', 'id'], columns: ['name', 'properties', 'channel_data', 'preferences', 'created_at', 'updated_at'] },
  tenants: { name: 'ws_tenants', key: ['id'], columns: ['name', 'settings', 'properties', 'channel_data', 'preferences', 'created_at', 'updated_at'] },
  subscriptions: { name: 'ws_subscriptions', key: ['collection', 'object_id', 'recipient_collection', 'recipient_id'], columns: ['properties', 'created_at'] },
};

/** A row's key within its environment, as one string (`\u0000` never occurs in ids). */
export const rowKey = (parts: readonly unknown[]): string => parts.map(String).join('\u0000');

/**
 * Reads and writes whole workspace rows with their own times, for bundles: an upsert through the
 * action executor would merge properties and stamp `now`, which is right for a webhook and wrong
 * for a snapshot that must come back exactly as it was written.
 */
export function workspaceSnapshotRepo(db: Db) {
  const all = (table: string, order: string, environment: string) =>
    db.prepare<[string], Row>(`SELECT * FROM ${table} WHERE environment = ? ORDER BY ${order}`).all(environment);

  const writers = Object.fromEntries(
    Object.entries(TABLES).map(([kind, t]) => {
      const cols = ['environment', ...t.key, ...t.columns];
      const values = cols.map((c) => `@${c}`).join(', ');
      const insert = `INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${values})`;
      const update = t.columns.map((c) => `${c} = excluded.${c}`).join(', ');
      return [kind, {
        insertOrKeep: db.prepare(`${insert} ON CONFLICT DO NOTHING`),
        insertOrReplace: db.prepare(`${insert} ON CONFLICT (environment, ${t.key.join(', ')}) DO UPDATE SET ${update}`),
        keys: db.prepare<[string], Row>(`SELECT ${t.key.join(', ')} FROM ${t.name} WHERE environment = ?`),
      }];
    }),
  ) as Record<SnapshotConflictKind, { insertOrKeep: Statement; insertOrReplace: Statement; keys: Statement<[string], Row> }>;
  const addAudience = db.prepare('INSERT OR IGNORE INTO ws_audiences (environment, key, created_at) VALUES (?, ?, ?)');
  const addMember = db.prepare('INSERT OR IGNORE INTO ws_audience_members (environment, audience_key, user_id, tenant, created_at) VALUES (?, ?, ?, ?, ?)');

  return {
    /** Everything of one environment but its workflows (configuration) and runs (history), in key order. */
    read(environment: string): Omit<BundleWorkspace, 'environment'> {
      const members = all('ws_audience_members', 'audience_key, user_id, tenant', environment);
      return {
        users: all('ws_users', 'id', environment).map((r) => ({
          id: String(r.id), name: text(r.name), email: text(r.email), phoneNumber: text(r.phone_number), avatar: text(r.avatar), locale: text(r.locale),
          timezone: text(r.timezone), properties: props(r.properties), channelData: props(r.channel_data), preferences: props(r.preferences),
          createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
        })),
        objects: all('ws_objects', 'collection, id', environment).map((r) => ({
          collection: String(r.collection), id: String(r.id), name: text(r.name), properties: props(r.properties), channelData: props(r.channel_data),
          preferences: props(r.preferences), createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
        })),
        tenants: all('ws_tenants', 'id', environment).map((r) => ({
          id: String(r.id), name: text(r.name), settings: props(r.settings), properties: props(r.properties), channelData: props(r.channel_data),
          preferences: props(r.preferences), createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
        })),
        subscriptions: all('ws_subscriptions', 'collection, object_id, recipient_collection, recipient_id', environment).map((r) => ({
          collection: String(r.collection), objectId: String(r.object_id), recipientCollection: String(r.recipient_collection), recipientId: String(r.recipient_id),
          properties: props(r.properties), createdAt: Number(r.created_at),
        })),
        audiences: all('ws_audiences', 'key', environment).map((a) => ({
          key: String(a.key), createdAt: Number(a.created_at),
          members: members.filter((m) => m.audience_key === a.key).map((m) => ({ userId: String(m.user_id), tenant: m.tenant === '' ? null : text(m.tenant), createdAt: Number(m.created_at) })),
        })),
      };
    },
    /** The keys of one kind already here, to tell new rows from conflicting ones. */
    keys(kind: SnapshotConflictKind, environment: string): Set<string> {
      return new Set(writers[kind].keys.all(environment).map((r) => rowKey(TABLES[kind].key.map((k) => r[k]))));
    },
    /** Writes one row as the file has it; `replace` overwrites a row with the same key, else that row stays. */
    write(kind: SnapshotConflictKind, environment: string, row: Row, replace: boolean): void {
      (replace ? writers[kind].insertOrReplace : writers[kind].insertOrKeep).run({ environment, ...row });
    },
    addAudience(environment: string, audience: BundleWorkspace['audiences'][number]): number {
      addAudience.run(environment, audience.key, audience.createdAt);
      return audience.members.reduce((n, m) => n + addMember.run(environment, audience.key, m.userId, m.tenant ?? '', m.createdAt).changes, 0);
    },
  };
}

/** A snapshot row in the columns of its table. */
export const columnsOf = {
  users: (u: BundleWorkspace['users'][number]): Row => ({
    id: u.id, name: u.name, email: u.email, phone_number: u.phoneNumber, avatar: u.avatar, locale: u.locale, timezone: u.timezone,
    properties: json(u.properties), channel_data: json(u.channelData), preferences: json(u.preferences), created_at: u.createdAt, updated_at: u.updatedAt,
  }),
  objects: (o: BundleWorkspace['objects'][number]): Row => ({
    collection: o.collection, id: o.id, name: o.name, properties: json(o.properties), channel_data: json(o.channelData), preferences: json(o.preferences),
    created_at: o.createdAt, updated_at: o.updatedAt,
  }),
  tenants: (t: BundleWorkspace['tenants'][number]): Row => ({
    id: t.id, name: t.name, settings: json(t.settings), properties: json(t.properties), channel_data: json(t.channelData), preferences: json(t.preferences),
    created_at: t.createdAt, updated_at: t.updatedAt,
  }),
  subscriptions: (s: BundleWorkspace['subscriptions'][number]): Row => ({
    collection: s.collection, object_id: s.objectId, recipient_collection: s.recipientCollection, recipient_id: s.recipientId,
    properties: json(s.properties), created_at: s.createdAt,
  }),
};

/** The key of a snapshot row, as `keys` gives them. */
export const keyOf = {
  users: (u: BundleWorkspace['users'][number]) => rowKey([u.id]),
  objects: (o: BundleWorkspace['objects'][number]) => rowKey([o.collection, o.id]),
  tenants: (t: BundleWorkspace['tenants'][number]) => rowKey([t.id]),
  subscriptions: (s: BundleWorkspace['subscriptions'][number]) => rowKey([s.collection, s.objectId, s.recipientCollection, s.recipientId]),
};
