import type { Migration } from '../migrate';

/**
 * Issue #10, the workspace behaving like Knock: workflows get a step model (pause steps and an
 * active flag), runs a lifecycle (paused → completed, or cancelled while paused) with the trigger
 * call they came from and the subscription they fanned out through, and recipients keep
 * `channel_data` and `preferences` apart from their custom properties.
 */
export const workspaceLifecycle: Migration = {
  version: 3,
  name: 'workspace-lifecycle',
  up(db) {
    db.exec(`
      -- steps: JSON [{type: 'delay'|'batch'|'wait'|'fetch', seconds}]; a run pauses for their sum.
      ALTER TABLE ws_workflows ADD COLUMN steps TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE ws_workflows ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

      -- status: 'paused' (until resume_at), 'completed', 'cancelled'. trigger_id is the
      -- workflow_run_id Knock returns for the trigger call; one per call, shared by its runs.
      ALTER TABLE ws_workflow_runs ADD COLUMN trigger_id TEXT;
      ALTER TABLE ws_workflow_runs ADD COLUMN resume_at INTEGER;
      ALTER TABLE ws_workflow_runs ADD COLUMN completed_at INTEGER;
      -- The object subscription a fanned-out run came through: {collection, id, properties}.
      ALTER TABLE ws_workflow_runs ADD COLUMN subscription TEXT;
      -- Runs made before runs had a lifecycle had no pause step: they completed when they started.
      UPDATE ws_workflow_runs SET status = 'completed', completed_at = created_at WHERE status = 'active';
      DROP INDEX ws_workflow_runs_by_cancel;
      CREATE INDEX ws_workflow_runs_by_cancel ON ws_workflow_runs (environment, workflow_key, cancellation_key) WHERE status = 'paused';
      CREATE INDEX ws_workflow_runs_due ON ws_workflow_runs (resume_at) WHERE status = 'paused';
      CREATE INDEX ws_workflow_runs_by_trigger ON ws_workflow_runs (trigger_id);

      ALTER TABLE ws_users ADD COLUMN channel_data TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE ws_users ADD COLUMN preferences TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE ws_objects ADD COLUMN channel_data TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE ws_objects ADD COLUMN preferences TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE ws_tenants ADD COLUMN channel_data TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE ws_tenants ADD COLUMN preferences TEXT NOT NULL DEFAULT '{}';
    `);
  },
};
