import type { Workflow, WorkflowStep, WorkspaceKind } from '../../../../shared/domain/workspace';
import type { Db } from '../db';

type Row = Record<string, unknown>;
const parse = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

/** One browsable table of the workspace: its query and how a row becomes the API's shape. */
interface Listing {
  table: string;
  order: string;
  /** Columns a free-text filter looks at. */
  searchable: string[];
  toItem(row: Row): Row;
}

const LISTINGS: Record<WorkspaceKind, Listing> = {
  users: {
    table: 'ws_users',
    order: 'updated_at DESC, id',
    searchable: ['id', 'name', 'email'],
    toItem: (r) => ({
      id: r.id, name: r.name, email: r.email, phoneNumber: r.phone_number, avatar: r.avatar, locale: r.locale,
      timezone: r.timezone, properties: parse(r.properties), channelData: parse(r.channel_data), preferences: parse(r.preferences), createdAt: r.created_at, updatedAt: r.updated_at,
    }),
  },
  objects: {
    table: 'ws_objects',
    order: 'updated_at DESC, collection, id',
    searchable: ['collection', 'id', 'name'],
    toItem: (r) => ({
      collection: r.collection, id: r.id, name: r.name, properties: parse(r.properties), createdAt: r.created_at, updatedAt: r.updated_at,
    }),
  },
  tenants: {
    table: 'ws_tenants',
    order: 'updated_at DESC, id',
    searchable: ['id', 'name'],
    toItem: (r) => ({
      id: r.id, name: r.name, settings: parse(r.settings), properties: parse(r.properties), createdAt: r.created_at, updatedAt: r.updated_at,
    }),
  },
  subscriptions: {
    table: 'ws_subscriptions',
    order: 'created_at DESC, collection, object_id, recipient_id',
    searchable: ['collection', 'object_id', 'recipient_id'],
    toItem: (r) => ({
      collection: r.collection, objectId: r.object_id, recipientCollection: r.recipient_collection, recipientId: r.recipient_id,
      properties: parse(r.properties), createdAt: r.created_at,
    }),
  },
  audience_members: {
    table: 'ws_audience_members',
    order: 'created_at DESC, audience_key, user_id',
    searchable: ['audience_key', 'user_id'],
    toItem: (r) => ({ audienceKey: r.audience_key, userId: r.user_id, tenant: r.tenant === '' ? null : r.tenant, createdAt: r.created_at }),
  },
  workflow_runs: {
    table: 'ws_workflow_runs',
    order: 'created_at DESC, id',
    searchable: ['workflow_key', 'recipient_id', 'cancellation_key', 'id'],
    toItem: (r) => ({
      id: r.id, workflowKey: r.workflow_key, recipientCollection: r.recipient_collection, recipientId: r.recipient_id,
      actor: r.actor === null ? null : parse(r.actor), tenant: r.tenant, data: parse(r.data), cancellationKey: r.cancellation_key,
      status: r.status, triggerId: r.trigger_id, subscription: r.subscription === null ? null : parse(r.subscription),
      eventId: r.event_id, createdAt: r.created_at, resumeAt: r.resume_at, completedAt: r.completed_at, cancelledAt: r.cancelled_at,
    }),
  },
};

export interface WorkspaceQuery {
  environment: string;
  search?: string;
  limit: number;
  offset: number;
}

export function createWorkspaceQueryRepo(db: Db) {
  return {
    /** A page of one workspace table, newest first, with the total for the pager. */
    list(kind: WorkspaceKind, q: WorkspaceQuery): { items: Row[]; total: number } {
      const l = LISTINGS[kind];
      const where = ['environment = @environment'];
      if (q.search) where.push(`(${l.searchable.map((c) => `${c} LIKE @like`).join(' OR ')})`);
      const params = { environment: q.environment, like: `%${q.search ?? ''}%`, limit: q.limit, offset: q.offset };
      const rows = db.prepare<Row, Row>(`SELECT * FROM ${l.table} WHERE ${where.join(' AND ')} ORDER BY ${l.order} LIMIT @limit OFFSET @offset`).all(params);
      const total = db.prepare<Row, { n: number }>(`SELECT COUNT(*) AS n FROM ${l.table} WHERE ${where.join(' AND ')}`).get(params)?.n ?? 0;
      return { items: rows.map(l.toItem), total };
    },
    workflows(environment: string): Workflow[] {
      return db
        .prepare<[string], { key: string; name: string; active: number; steps: string; created_at: number }>(
          'SELECT * FROM ws_workflows WHERE environment = ? ORDER BY key',
        )
        .all(environment)
        .map((r) => ({ key: r.key, name: r.name, active: r.active === 1, steps: JSON.parse(r.steps) as WorkflowStep[], createdAt: r.created_at }));
    },
    createWorkflow(environment: string, key: string, name: string, now: number, shape: Partial<Pick<Workflow, 'active' | 'steps'>> = {}): boolean {
      return (
        db
          .prepare('INSERT OR IGNORE INTO ws_workflows (environment, key, name, created_at, active, steps) VALUES (?, ?, ?, ?, ?, ?)')
          .run(environment, key, name, now, shape.active === false ? 0 : 1, JSON.stringify(shape.steps ?? []))
          .changes > 0
      );
    },
    /** Changes a workflow's name, status or steps; runs already made keep their lifecycle. */
    updateWorkflow(environment: string, key: string, patch: Partial<Pick<Workflow, 'name' | 'active' | 'steps'>>): boolean {
      return (
        db
          .prepare(
            `UPDATE ws_workflows SET name = COALESCE(@name, name), active = COALESCE(@active, active), steps = COALESCE(@steps, steps)
             WHERE environment = @environment AND key = @key`,
          )
          .run({
            environment, key, name: patch.name ?? null,
            active: patch.active === undefined ? null : patch.active ? 1 : 0,
            steps: patch.steps === undefined ? null : JSON.stringify(patch.steps),
          }).changes > 0
      );
    },
    deleteWorkflow: (environment: string, key: string): boolean =>
      db.prepare('DELETE FROM ws_workflows WHERE environment = ? AND key = ?').run(environment, key).changes > 0,
    /** Empties one environment's workspace (keeps its workflows), e.g. before a demo. */
    reset(environment: string): void {
      for (const t of ['ws_users', 'ws_objects', 'ws_tenants', 'ws_subscriptions', 'ws_audiences', 'ws_audience_members', 'ws_workflow_runs']) {
        db.prepare(`DELETE FROM ${t} WHERE environment = ?`).run(environment);
      }
    },
  };
}
export type WorkspaceQueryRepo = ReturnType<typeof createWorkspaceQueryRepo>;
