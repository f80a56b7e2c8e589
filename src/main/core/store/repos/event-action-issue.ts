import { ActionIssueSchema, type ActionIssue } from '../../../../shared/domain/event';

/** How many unidentified recipients a row names; the rest are counted. */
const MAX_NAMED = 3;

/**
 * A list row's brief of its runs that did not succeed (issue #14: the row's tooltip says why and
 * what to do). Read from the outcome row the list already joins, only for skipped, failed or
 * partial events, and reduced in SQLite to a few fields per run so a page never carries the
 * runs' parameters or results. A damaged column yields nothing rather than failing the page.
 */
export const actionIssuesColumn = (actionStatus: string, actionRuns: string): string =>
  `CASE WHEN ${actionStatus} IN ('skipped', 'error', 'partial') AND json_valid(${actionRuns}) THEN (
    SELECT json_group_array(json_object('mappingId', r.value ->> '$.mappingId', 'status', r.value ->> '$.status',
      'reason', r.value ->> '$.result.reason', 'notIdentified', json(r.value -> '$.result.not_identified'), 'error', json(r.value -> '$.errors[0]')))
    FROM json_each(${actionRuns}) r WHERE r.value ->> '$.status' IN ('skipped', 'error')
  ) END`;

interface IssueRow {
  mappingId?: unknown;
  status?: unknown;
  reason?: unknown;
  notIdentified?: unknown;
  error?: unknown;
}

/** `{actionIssue}` for a summary when the column names a run that did not succeed, else nothing. */
export const actionIssueField = (text: string | null | undefined): { actionIssue?: ActionIssue } => {
  const issue = toActionIssue(text);
  return issue ? { actionIssue: issue } : {};
};

/**
 * The same brief from the runs the processor just recorded, for its `events.processed` push: a row
 * already listed learns why without reloading the page.
 */
export const actionIssueOfRuns = (
  runs: ReadonlyArray<{ mappingId: string; status: string; result: Record<string, unknown> | null; errors: readonly unknown[] }>,
): { actionIssue?: ActionIssue } => {
  const failed = runs.filter((r) => r.status !== 'success');
  if (failed.length === 0) return {};
  const issue = briefOf(failed.map((r) => ({ mappingId: r.mappingId, status: r.status, reason: r.result?.reason, notIdentified: r.result?.not_identified, error: r.errors[0] })));
  return issue ? { actionIssue: issue } : {};
};

/** The first run that did not succeed, from `actionIssuesColumn`'s text; undefined when there is none. */
export function toActionIssue(text: string | null | undefined): ActionIssue | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? briefOf(parsed as IssueRow[]) : undefined;
  } catch {
    return undefined;
  }
}

function briefOf(rows: readonly IssueRow[]): ActionIssue | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const ids = Array.isArray(first.notIdentified) ? first.notIdentified.filter((x): x is string => typeof x === 'string') : [];
  const issue = ActionIssueSchema.safeParse({
    mappingId: first.mappingId,
    status: first.status,
    reason: typeof first.reason === 'string' ? first.reason : null,
    notIdentified: ids.slice(0, MAX_NAMED),
    notIdentifiedCount: ids.length,
    error: first.error ?? null,
    others: rows.length - 1,
  });
  return issue.success ? issue.data : undefined;
}
