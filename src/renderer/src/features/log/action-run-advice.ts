import type { ActionRun } from '../../../../shared/domain/event';

/** What to do about a run that did not fully succeed; `workflow` offers to create the missing one. */
export type RunFix = { text: string; workflow?: string };

export interface RunAdvice {
  /** Why the action was skipped, in words; null when it was not skipped. */
  reason: string | null;
  fixes: RunFix[];
}

const MAX_IDS = 3;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const listIds = (ids: string[]): string => {
  const shown = ids.slice(0, MAX_IDS).join(', ');
  return ids.length > MAX_IDS ? `${shown} and ${ids.length - MAX_IDS} more` : shown;
};

/**
 * Reads a run's stored reason and errors into a reason and concrete next steps. The core words the
 * reason; the advice here only names what the user can change (an identify first, a workflow to add).
 */
export function adviseRun(run: ActionRun): RunAdvice {
  const fixes: RunFix[] = [];
  const reason = run.status === 'skipped' && typeof run.result?.reason === 'string' ? run.result.reason : null;
  const notIdentified = strings(run.result?.not_identified);
  if (notIdentified.length > 0) {
    fixes.push({ text: `Identify ${listIds(notIdentified)} first: add an "Identify user" mapping for an earlier event, or pass the recipient inline as {id, …}.` });
  }
  if (reason?.startsWith('condition not met')) fixes.push({ text: 'Expected for events this mapping’s condition leaves out; edit the condition if it should have run.' });
  for (const e of run.errors) {
    if (e.code === 'not_found' && e.what === 'workflow') fixes.push({ text: `Create workflow ${e.key} in the Workspace.`, workflow: e.key });
  }
  return { reason, fixes };
}

/** One line for a tooltip: the reason and the first fix. */
export const adviceLine = (run: ActionRun): string | null => {
  const { reason, fixes } = adviseRun(run);
  const parts = [reason ?? run.errors[0]?.message, fixes[0]?.text].filter((x): x is string => Boolean(x));
  return parts.length ? parts.join(' — ') : null;
};
