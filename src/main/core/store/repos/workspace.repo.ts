import type { WorkflowStep } from '../../../../shared/domain/workspace';
import type { Db } from '../db';

/** Knock's user fields that have their own column; anything else is a custom property. */
export const USER_FIELDS = ['name', 'email', 'phone_number', 'avatar', 'locale', 'timezone'] as const;
export type UserFields = Partial<Record<(typeof USER_FIELDS)[number], string | null>>;

export interface Recipient {
  collection: string; // '$users' or an object collection
  id: string;
}

/** A subscription a fanned-out run came through. */
export interface ViaSubscription {
  collection: string;
  id: string;
  properties: Record<string, unknown>;
}

/** What the executor needs of a workflow: whether it may run and how long its runs pause. */
export interface WorkflowShape {
  active: boolean;
  steps: WorkflowStep[];
}

export interface WorkflowRunInsert {
  id: string;
  triggerId: string;
  /** Null: the run completes at once; else it stays paused until then. */
  resumeAt: number | null;
  subscription: ViaSubscription | null;
  environment: string;
  workflowKey: string;
  recipient: Recipient;
  actor: unknown;
  tenant: string | null;
  data: unknown;
  cancellationKey: string | null;
  eventId: number | null;
  createdAt: number;
}

const json = (v: unknown) => JSON.stringify(v ?? {});

const userRow = (environment: string, id: string, fields: UserFields, properties: Record<string, unknown>, now: number) => [
  environment, id, fields.name ?? null, fields.email ?? null, fields.phone_number ?? null, fields.avatar ?? null,
  fields.locale ?? null, fields.timezone ?? null, json(properties), now, now,
];

/**
 * The local emulation of Knock's data model, one namespace per environment. Upserts merge custom
 * properties the way Knock's PUT does (new keys win, absent keys stay).
 */
export function createWorkspaceRepo(db: Db) {
  const q = {
    getUser: db.prepare<[string, string], { properties: string }>('SELECT properties FROM ws_users WHERE environment = ? AND id = ?'),
    // Positional parameters (and `excluded.` for the update) on the statements processing runs per
    // event: binding by name cost ~3 µs more per statement.
    upsertUser: db.prepare<unknown[]>(
      `INSERT INTO ws_users (environment, id, name, email, phone_number, avatar, locale, timezone, properties, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (environment, id) DO UPDATE SET
         name = COALESCE(excluded.name, name), email = COALESCE(excluded.email, email),
         phone_number = COALESCE(excluded.phone_number, phone_number), avatar = COALESCE(excluded.avatar, avatar),
         locale = COALESCE(excluded.locale, locale), timezone = COALESCE(excluded.timezone, timezone),
         properties = json_patch(properties, excluded.properties), updated_at = excluded.updated_at`,
    ),
    // The same row, only when there is none yet: `changes` then says whether the user was created,
    // which spares a lookup before identifying a user the log has not seen.
    insertNewUser: db.prepare<unknown[]>(
      `INSERT INTO ws_users (environment, id, name, email, phone_number, avatar, locale, timezone, properties, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (environment, id) DO NOTHING`,
    ),
    deleteUser: db.prepare('DELETE FROM ws_users WHERE environment = ? AND id = ?'),
    deleteUserSubscriptions: db.prepare(
      "DELETE FROM ws_subscriptions WHERE environment = ? AND recipient_collection = '$users' AND recipient_id = ?",
    ),
    deleteUserMemberships: db.prepare('DELETE FROM ws_audience_members WHERE environment = ? AND user_id = ?'),
    hasObject: db.prepare<[string, string, string], { one: number }>(
      'SELECT 1 AS one FROM ws_objects WHERE environment = ? AND collection = ? AND id = ?',
    ),
    upsertObject: db.prepare<[string, string, string, string | null, string, number, number]>(
      `INSERT INTO ws_objects (environment, collection, id, name, properties, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (environment, collection, id) DO UPDATE SET
         name = COALESCE(excluded.name, name), properties = json_patch(properties, excluded.properties), updated_at = excluded.updated_at`,
    ),
    deleteObject: db.prepare('DELETE FROM ws_objects WHERE environment = ? AND collection = ? AND id = ?'),
    deleteObjectSubscriptions: db.prepare(
      `DELETE FROM ws_subscriptions WHERE environment = @environment
         AND ((collection = @collection AND object_id = @id) OR (recipient_collection = @collection AND recipient_id = @id))`,
    ),
    hasTenant: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM ws_tenants WHERE environment = ? AND id = ?'),
    upsertTenant: db.prepare<[string, string, string | null, string, string, number, number]>(
      `INSERT INTO ws_tenants (environment, id, name, settings, properties, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (environment, id) DO UPDATE SET
         name = COALESCE(excluded.name, name), settings = json_patch(settings, excluded.settings),
         properties = json_patch(properties, excluded.properties), updated_at = excluded.updated_at`,
    ),
    deleteTenant: db.prepare('DELETE FROM ws_tenants WHERE environment = ? AND id = ?'),
    subscribe: db.prepare<[string, string, string, string, string, string, number]>(
      `INSERT INTO ws_subscriptions (environment, collection, object_id, recipient_collection, recipient_id, properties, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET properties = excluded.properties`,
    ),
    unsubscribe: db.prepare(
      `DELETE FROM ws_subscriptions WHERE environment = @environment AND collection = @collection AND object_id = @objectId
         AND recipient_collection = @recipientCollection AND recipient_id = @recipientId`,
    ),
    ensureAudience: db.prepare('INSERT OR IGNORE INTO ws_audiences (environment, key, created_at) VALUES (?, ?, ?)'),
    addMember: db.prepare(
      'INSERT OR IGNORE INTO ws_audience_members (environment, audience_key, user_id, tenant, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    removeMember: db.prepare(
      'DELETE FROM ws_audience_members WHERE environment = ? AND audience_key = ? AND user_id = ? AND tenant = ?',
    ),
    getWorkflow: db.prepare<[string, string], { active: number; steps: string }>('SELECT active, steps FROM ws_workflows WHERE environment = ? AND key = ?'),
    subscribers: db.prepare<[string, string, string], { recipient_collection: string; recipient_id: string; properties: string }>(
      `SELECT recipient_collection, recipient_id, properties FROM ws_subscriptions
       WHERE environment = ? AND collection = ? AND object_id = ? ORDER BY created_at, recipient_collection, recipient_id`,
    ),
    insertRun: db.prepare<unknown[]>(
      `INSERT INTO ws_workflow_runs (id, environment, workflow_key, recipient_collection, recipient_id, actor, tenant, data,
         cancellation_key, status, event_id, created_at, trigger_id, resume_at, completed_at, subscription)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    runsByKey: db.prepare<Record<string, string>, { id: string; recipient_collection: string; recipient_id: string; status: string }>(
      `SELECT id, recipient_collection, recipient_id, status FROM ws_workflow_runs
       WHERE environment = @environment AND workflow_key = @workflowKey AND cancellation_key = @cancellationKey`,
    ),
    cancelRun: db.prepare("UPDATE ws_workflow_runs SET status = 'cancelled', cancelled_at = @now WHERE id = @id AND status = 'paused'"),
    completeDue: db.prepare(
      "UPDATE ws_workflow_runs SET status = 'completed', completed_at = resume_at WHERE status = 'paused' AND resume_at <= ?",
    ),
    nextDue: db.prepare<[], { at: number | null }>("SELECT MIN(resume_at) AS at FROM ws_workflow_runs WHERE status = 'paused'"),
  };

  const extras = (table: string, key: string) =>
    db.prepare(
      `UPDATE ${table} SET channel_data = json_patch(channel_data, @channelData), preferences = json_patch(preferences, @preferences)
       WHERE environment = @environment AND ${key}`,
    );
  const setExtras = {
    users: extras('ws_users', 'id = @id'),
    objects: extras('ws_objects', 'collection = @collection AND id = @id'),
    tenants: extras('ws_tenants', 'id = @id'),
  };

  return {
    /**
     * Stores a recipient's `channel_data` and `preferences` beside (never inside) its custom
     * properties, merged like them; `collection` '$users' and '$tenants' address users and tenants.
     */
    setRecipientExtras(environment: string, collection: string, id: string, channelData: unknown, preferences: unknown): void {
      const params = { environment, collection, id, channelData: json(channelData), preferences: json(preferences) };
      if (collection === '$users') setExtras.users.run(params);
      else if (collection === '$tenants') setExtras.tenants.run(params);
      else setExtras.objects.run(params);
    },
    userExists: (environment: string, id: string): boolean => q.getUser.get(environment, id) !== undefined,
    upsertUser(environment: string, id: string, fields: UserFields, properties: Record<string, unknown>, now: number): void {
      q.upsertUser.run(...userRow(environment, id, fields, properties, now));
    },
    /** Upserts the user as `upsertUser` does; true when it was created (one statement for a new user, two otherwise). */
    createOrMergeUser(environment: string, id: string, fields: UserFields, properties: Record<string, unknown>, now: number): boolean {
      const row = userRow(environment, id, fields, properties, now);
      if (q.insertNewUser.run(...row).changes > 0) return true;
      q.upsertUser.run(...row);
      return false;
    },
    /** Deletes the user with their subscriptions and audience memberships; false if there was none. */
    deleteUser(environment: string, id: string): boolean {
      q.deleteUserSubscriptions.run(environment, id);
      q.deleteUserMemberships.run(environment, id);
      return q.deleteUser.run(environment, id).changes > 0;
    },
    objectExists: (environment: string, collection: string, id: string): boolean =>
      q.hasObject.get(environment, collection, id) !== undefined,
    upsertObject(environment: string, collection: string, id: string, name: string | null, properties: Record<string, unknown>, now: number): void {
      q.upsertObject.run(environment, collection, id, name, json(properties), now, now);
    },
    deleteObject(environment: string, collection: string, id: string): boolean {
      q.deleteObjectSubscriptions.run({ environment, collection, id });
      return q.deleteObject.run(environment, collection, id).changes > 0;
    },
    tenantExists: (environment: string, id: string): boolean => q.hasTenant.get(environment, id) !== undefined,
    upsertTenant(environment: string, id: string, name: string | null, settings: unknown, properties: Record<string, unknown>, now: number): void {
      q.upsertTenant.run(environment, id, name, json(settings), json(properties), now, now);
    },
    deleteTenant(environment: string, id: string): boolean {
      q.deleteObjectSubscriptions.run({ environment, collection: '$tenants', id });
      return q.deleteTenant.run(environment, id).changes > 0;
    },
    subscribe(environment: string, collection: string, objectId: string, recipient: Recipient, properties: unknown, now: number): void {
      q.subscribe.run(environment, collection, objectId, recipient.collection, recipient.id, json(properties), now);
    },
    unsubscribe(environment: string, collection: string, objectId: string, recipient: Recipient): boolean {
      return q.unsubscribe.run({ environment, collection, objectId, recipientCollection: recipient.collection, recipientId: recipient.id }).changes > 0;
    },
    addMember(environment: string, audienceKey: string, userId: string, tenant: string | null, now: number): void {
      q.ensureAudience.run(environment, audienceKey, now);
      q.addMember.run(environment, audienceKey, userId, tenant ?? '', now);
    },
    removeMember: (environment: string, audienceKey: string, userId: string, tenant: string | null): boolean =>
      q.removeMember.run(environment, audienceKey, userId, tenant ?? '').changes > 0,
    /** The workflow's status and pause steps; null when the environment has no such workflow. */
    workflow(environment: string, key: string): WorkflowShape | null {
      const row = q.getWorkflow.get(environment, key);
      return row ? { active: row.active === 1, steps: JSON.parse(row.steps) as WorkflowStep[] } : null;
    },
    workflowExists: (environment: string, key: string): boolean => q.getWorkflow.get(environment, key) !== undefined,
    /** The recipients subscribed to an object (a tenant when `collection` is '$tenants'), oldest first. */
    subscribersOf(environment: string, collection: string, objectId: string): Array<Recipient & { properties: Record<string, unknown> }> {
      return q.subscribers.all(environment, collection, objectId).map((r) => ({
        collection: r.recipient_collection, id: r.recipient_id, properties: JSON.parse(r.properties) as Record<string, unknown>,
      }));
    },
    insertRun(run: WorkflowRunInsert): void {
      const paused = run.resumeAt !== null;
      q.insertRun.run(
        run.id, run.environment, run.workflowKey, run.recipient.collection, run.recipient.id,
        run.actor === null || run.actor === undefined ? null : JSON.stringify(run.actor), run.tenant, json(run.data),
        run.cancellationKey, paused ? 'paused' : 'completed', run.eventId, run.createdAt, run.triggerId, run.resumeAt,
        paused ? null : run.createdAt, run.subscription ? JSON.stringify(run.subscription) : null,
      );
    },
    /**
     * Cancels the runs with that key that are still paused, for every recipient or only those in
     * `only` (keys `collection\u0000id`). Runs that already finished are reported, not touched.
     */
    cancelRuns(environment: string, workflowKey: string, cancellationKey: string, now: number, only: Set<string> | null) {
      q.completeDue.run(now);
      const runs = q.runsByKey.all({ environment, workflowKey, cancellationKey });
      const chosen = runs.filter((r) => !only || only.has(`${r.recipient_collection}\u0000${r.recipient_id}`));
      const cancelled: string[] = [];
      const finished: Array<{ id: string; status: string }> = [];
      for (const r of chosen) {
        if (r.status === 'paused' && q.cancelRun.run({ id: r.id, now }).changes > 0) cancelled.push(r.id);
        else finished.push({ id: r.id, status: r.status });
      }
      return { cancelled, finished };
    },
    /** Completes every paused run whose pause has elapsed by `now`; returns how many. */
    completeDueRuns: (now: number): number => q.completeDue.run(now).changes,
    /** When the next paused run is due, or null when none is paused. */
    nextDueAt: (): number | null => q.nextDue.get()?.at ?? null,
  };
}
export type WorkspaceRepo = ReturnType<typeof createWorkspaceRepo>;
