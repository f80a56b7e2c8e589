import type { ActionIssue, ActionRun } from '../../../../shared/domain/event';

/** What to do about a run that did not fully succeed; `workflow` offers to create the missing one. */
export type RunFix = { text: string; workflow?: string };

export interface RunAdvice {
  /** Why the action was skipped, in words; null when it was not skipped. */
  reason: string | null;
  fixes: RunFix[];
}

const MAX_IDS = 3;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The first few ids; `total` counts those a list row no longer carries. */
const listIds = (ids: string[], total = ids.length): string => {
  const shown = ids.slice(0, MAX_IDS).join(', ');
  const more = total - Math.min(ids.length, MAX_IDS);
  return more > 0 ? `${shown} and ${more} more` : shown;
};

/** What the advice reads of a run: a full run in the detail, a list row's brief in the log. */
type RunFacts = Pick<ActionRun, 'status' | 'result' | 'errors'> & { notIdentifiedCount?: number };

/**
 * Reads a run's stored reason and errors into a reason and concrete next steps. The core words the
 * reason; the advice here only names what the user can change (an identify first, a workflow to add).
 */
export function adviseRun(run: RunFacts): RunAdvice {
  const fixes: RunFix[] = [];
  const reason = run.status === 'skipped' && typeof run.result?.reason === 'string' ? run.result.reason : null;
  const notIdentified = strings(run.result?.not_identified);
  if (notIdentified.length > 0) {
    fixes.push({ text: `Identify ${listIds(notIdentified, run.notIdentifiedCount)} first: add an "Identify user" mapping for an earlier event, or pass the recipient inline as {id, …}.` });
  }
  if (reason?.startsWith('condition not met')) fixes.push({ text: 'Expected for events this mapping’s condition leaves out; edit the condition if it should have run.' });
  for (const e of run.errors) {
    if (e.code === 'not_found' && e.what === 'workflow') fixes.push({ text: `Create workflow ${e.key} in the Workspace.`, workflow: e.key });
  }
  return { reason, fixes };
}

/** One line for a tooltip: the reason and the first fix. */
export const adviceLine = (run: RunFacts): string | null => {
  const { reason, fixes } = adviseRun(run);
  const parts = [reason ?? run.errors[0]?.message, fixes[0]?.text].filter((x): x is string => Boolean(x));
  return parts.length ? parts.join(' — ') : null;
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The log row's tooltip for an event whose actions did not all run (issue #14): why, the fix, and
 * where the rest is, from the brief a log page carries instead of the runs.
 */
export function issueTooltip(issue: ActionIssue): string {
  const facts: RunFacts = {
    status: issue.status,
    result: { ...(issue.reason !== null ? { reason: issue.reason } : {}), not_identified: issue.notIdentified },
    errors: issue.error ? [issue.error] : [],
    notIdentifiedCount: issue.notIdentifiedCount,
  };
  const line = adviceLine(facts) ?? (issue.status === 'skipped' ? 'An action was skipped' : 'An action failed');
  const sentence = /[.!?…]$/.test(line) ? line : `${line}.`;
  const others = issue.others > 0 ? ` ${plural(issue.others, 'other action')} skipped or failed too.` : '';
  return `${issue.status === 'skipped' ? 'Skipped' : 'Failed'}: ${sentence}${others} Open the event for the mapping that produced it.`;
}
