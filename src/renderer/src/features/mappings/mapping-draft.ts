import { issuePath, toApiIssues, type ApiIssue } from '../../../../shared/api/result';
import type { ActionType } from '../../../../shared/domain/action';
import { eventTypeMatches, MappingInputSchema, type Mapping } from '../../../../shared/domain/mapping';
import { effectiveParams, normalizeOverrides, type MappingOverrides } from '../../../../shared/domain/mapping-overrides';
import type { Condition } from '../../../../shared/expr';

/** A mapping being edited: a saved one (with `id`) or a new one. */
export interface MappingDraft {
  id?: string;
  eventType: string;
  actionType: ActionType;
  params: Record<string, string>;
  condition?: Condition;
  activeIn: string[];
  /** Parameters that differ per environment; absent or {} when the mapping is the same everywhere. */
  overrides?: MappingOverrides;
  position: number;
}

/** Field key → message: `eventType`, `actionType`, `params.<name>`, `condition`, or `_` for the rest. */
export type FieldErrors = Record<string, string>;

export const draftOf = (m: Mapping): MappingDraft => ({
  id: m.id,
  eventType: m.eventType,
  actionType: m.actionType,
  params: { ...m.params },
  ...(m.condition ? { condition: m.condition } : {}),
  activeIn: [...m.activeIn],
  ...(m.overrides ? { overrides: structuredClone(m.overrides) } : {}),
  position: m.position,
});

/**
 * The parameters the editor shows for one environment (`null`: the shared values), so a value
 * picked or typed there is seen as it will run.
 */
export const paramsFor = (d: MappingDraft, environment: string | null): Record<string, string> =>
  environment === null ? d.params : effectiveParams(d, environment);

/** Overrides as the host stores them: none equal to the shared value, no empty environments. */
const storedOverrides = (d: MappingDraft): MappingOverrides => normalizeOverrides(d.params, d.overrides);

/** Only the fields the user edits, in a stable order, so "dirty" survives key reordering. */
export const draftFingerprint = (d: MappingDraft | null): string => {
  if (!d) return '';
  const params = Object.fromEntries(Object.entries(d.params).filter(([, v]) => v.trim() !== '').sort(([a], [b]) => a.localeCompare(b)));
  const overrides = Object.entries(storedOverrides(d))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([env, own]) => [env, Object.entries(own).sort(([a], [b]) => a.localeCompare(b))]);
  return JSON.stringify([d.eventType, d.actionType, params, d.condition ?? null, [...d.activeIn].sort(), overrides]);
};

/**
 * The draft as the API takes it: unmapped parameters left out; overrides always sent (`{}` when
 * none), since an update that leaves them out keeps the stored ones.
 */
export const draftInput = (d: MappingDraft, sourceId: string) => ({
  sourceId,
  eventType: d.eventType.trim(),
  actionType: d.actionType,
  params: Object.fromEntries(Object.entries(d.params).filter(([, v]) => v.trim() !== '')),
  ...(d.condition ? { condition: d.condition } : {}),
  activeIn: d.activeIn,
  overrides: storedOverrides(d),
  position: d.position,
});

/** The same structural check the host makes, run before sending so errors land at their field. */
export const validateDraft = (d: MappingDraft, sourceId: string): FieldErrors => {
  const r = MappingInputSchema.safeParse(draftInput(d, sourceId));
  return r.success ? {} : fieldErrorsFromIssues(toApiIssues(r.error.issues));
};

/** The fields the editor shows errors at; an issue anywhere else is shown under `_`. */
const EDITOR_FIELDS = new Set(['eventType', 'actionType', 'condition']);

const fieldKey = (path: ApiIssue['path']): string | null => {
  const [head, name, param] = path;
  if (head === 'params' && typeof name === 'string') return `params.${name}`;
  // An override's issue shows at its parameter, with the environment it concerns.
  if (head === 'overrides' && typeof name === 'string' && typeof param === 'string') return `overrides.${name}.${param}`;
  return typeof head === 'string' && EDITOR_FIELDS.has(head) ? head : null;
};

/** Spreads a refusal's issues over the editor's fields (first message per field); the rest go under `_`. */
export const fieldErrorsFromIssues = (issues: readonly ApiIssue[]): FieldErrors => {
  const errors: FieldErrors = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    if (key) errors[key] ??= issue.message;
    else rest.push(issue.path.length ? `${issuePath(issue)}: ${issue.message}` : issue.message);
  }
  if (rest.length > 0) errors._ = rest.join('. ');
  return errors;
};

/** Event types seen for a source, most frequent first, for the "when receiving" picker. */
export const seenEventTypes = (events: ReadonlyArray<{ eventType: string | null }>): string[] => {
  const counts = new Map<string, number>();
  for (const e of events) if (e.eventType) counts.set(e.eventType, (counts.get(e.eventType) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
};

export const matchesDraftType = (pattern: string, type: string | null): boolean =>
  pattern.trim() === '' ? true : eventTypeMatches(pattern.trim(), type);
