import type { ActionRun } from '../../../../shared/domain/event';
import type { Db } from '../db';

interface ActionRunRow {
  id: number;
  event_id: number;
  mapping_id: string;
  action_type: ActionRun['actionType'];
  status: ActionRun['status'];
  params: string;
  coercions: string;
  errors: string;
  result: string | null;
  created_at: number;
}

export type ActionRunInsert = Omit<ActionRun, 'id'>;

const toActionRun = (r: ActionRunRow): ActionRun => ({
  id: r.id,
  eventId: r.event_id,
  mappingId: r.mapping_id,
  actionType: r.action_type,
  status: r.status,
  params: JSON.parse(r.params) as ActionRun['params'],
  coercions: JSON.parse(r.coercions) as string[],
  errors: JSON.parse(r.errors) as ActionRun['errors'],
  result: r.result === null ? null : (JSON.parse(r.result) as ActionRun['result']),
  createdAt: r.created_at,
});

export function createActionRunsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO action_runs (event_id, mapping_id, action_type, status, params, coercions, errors, result, created_at)
     VALUES (@eventId, @mappingId, @actionType, @status, @params, @coercions, @errors, @result, @createdAt)`,
  );
  const byEvent = db.prepare<[number], ActionRunRow>('SELECT * FROM action_runs WHERE event_id = ? ORDER BY id');
  return {
    insert(run: ActionRunInsert): void {
      insert.run({
        ...run,
        params: JSON.stringify(run.params),
        coercions: JSON.stringify(run.coercions),
        errors: JSON.stringify(run.errors),
        result: run.result === null ? null : JSON.stringify(run.result),
      });
    },
    byEvent: (eventId: number): ActionRun[] => byEvent.all(eventId).map(toActionRun),
  };
}
export type ActionRunsRepo = ReturnType<typeof createActionRunsRepo>;
