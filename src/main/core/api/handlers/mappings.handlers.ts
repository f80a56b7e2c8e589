import { ApiFailure, invalidInput, toApiIssues, type ApiIssue } from '../../../../shared/api/result';
import { eventTypeMatches, MappingInputSchema, missingRequiredParams, type Mapping } from '../../../../shared/domain/mapping';
import { normalizeOverrides } from '../../../../shared/domain/mapping-overrides';
import type { EventSummary } from '../../../../shared/domain/event';
import { planAndRollBack } from '../../pipeline/rehearse';
import { eventContext } from '../../request/event-context';
import { newId } from '../../util/ids';
import type { CoreContext } from '../../context';
import type { Handlers } from '../dispatcher';

type MappingHandlers = Pick<Handlers, 'mappings.list' | 'mappings.create' | 'mappings.update' | 'mappings.delete' | 'mappings.rehearse'>;

const DRAFT_ID = 'draft';
/** How far back a pattern draft looks for matching events before giving up. */
const PATTERN_SCAN_LIMIT = 5000;

/**
 * The second look at a mapping: parameters (shared and per-environment) belong to the action and
 * expressions parse; a mapping being saved (not a rehearsed draft) also maps every required
 * parameter in every environment and runs, or overrides, only in environments that exist.
 * Overrides equal to the shared value are dropped, so the mapping comes back as it is stored.
 */
function validated(m: Mapping, saving?: { environments: readonly string[]; alreadyIn: readonly string[] }): Mapping {
  const parsed = MappingInputSchema.safeParse(m);
  const issues: ApiIssue[] = parsed.success ? [] : toApiIssues(parsed.error.issues);
  if (saving) {
    issues.push(...missingRequiredParams(m));
    const known = (env: string) => saving.environments.includes(env) || saving.alreadyIn.includes(env);
    const there = `there are ${saving.environments.map((e) => `"${e}"`).join(', ')}`;
    m.activeIn.forEach((env, i) => {
      if (!known(env)) issues.push({ path: ['activeIn', i], message: `no environment "${env}"; ${there}` });
    });
    for (const env of Object.keys(m.overrides ?? {})) {
      if (!known(env)) issues.push({ path: ['overrides', env], message: `no environment "${env}" to override parameters in; ${there}` });
    }
  }
  if (issues.length > 0) throw invalidInput(issues);
  const { overrides, ...rest } = m;
  const kept = normalizeOverrides(m.params, overrides);
  return Object.keys(kept).length > 0 ? { ...rest, overrides: kept } : rest;
}

export function mappingHandlers(ctx: CoreContext): MappingHandlers {
  const mustGet = (id: string) => {
    const m = ctx.mappings.get(id);
    if (!m) throw new ApiFailure('not_found', `No mapping "${id}"`);
    return m;
  };
  // An environment deleted since the mapping was saved stays in its activeIn and overrides,
  // harmlessly: only a new entry must exist.
  const saving = (alreadyIn: readonly string[] = []) => ({ environments: ctx.environments.list().map((e) => e.key), alreadyIn });
  const mustHaveSource = (sourceId: string) => {
    if (!ctx.sources.get(sourceId)) throw new ApiFailure('not_found', `No source with id "${sourceId}"`);
  };

  return {
    'mappings.list': ({ sourceId }) => {
      mustHaveSource(sourceId);
      return ctx.mappings.bySource(sourceId);
    },
    'mappings.create': (input) => {
      mustHaveSource(input.sourceId);
      const now = ctx.clock.now();
      const mapping = validated({
        ...input,
        id: newId('map'),
        position: input.position ?? ctx.mappings.nextPosition(input.sourceId),
        createdAt: now,
        updatedAt: now,
      }, saving());
      ctx.mappings.save(mapping);
      return mapping;
    },
    'mappings.update': ({ id, condition, ...patch }) => {
      const { condition: currentCondition, ...current } = mustGet(id);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      // undefined keeps the condition, null removes it.
      const nextCondition = condition === undefined ? currentCondition : (condition ?? undefined);
      const mapping = validated({ ...current, ...defined, ...(nextCondition ? { condition: nextCondition } : {}), updatedAt: ctx.clock.now() }, saving([...current.activeIn, ...Object.keys(current.overrides ?? {})]));
      ctx.mappings.save(mapping);
      return mapping;
    },
    'mappings.delete': ({ id }) => {
      ctx.mappings.remove(mustGet(id));
      return { deleted: true as const };
    },

    'mappings.rehearse': ({ draft, environment, lastN }) => {
      mustHaveSource(draft.sourceId);
      const id = draft.id ?? DRAFT_ID;
      const mapping = validated({ ...draft, id, activeIn: [environment], position: draft.position ?? Number.MAX_SAFE_INTEGER, createdAt: 0, updatedAt: 0 });
      // The draft runs with the source's other mappings, as it would for real: an identify in the
      // same event still runs before a trigger.
      const mappings = [...ctx.mappings.bySource(draft.sourceId).filter((m) => m.id !== id), mapping];
      const results = recentOfType(draft.sourceId, environment, draft.eventType, lastN).flatMap((summary) => {
        const event = ctx.events.get(summary.id);
        if (!event) return [];
        const exprCtx = eventContext(event, event.preprocessOutput?.extra ?? {});
        const outcomes = planAndRollBack(ctx, { eventType: summary.eventType, exprCtx, mappings, environment });
        const outcome = outcomes.find((o) => o.plan.mappingId === id);
        return outcome ? [{ eventId: summary.id, receivedAt: summary.receivedAt, outcome }] : [];
      });
      const failed = results.filter((r) => r.outcome.run.status === 'error').length;
      return { total: results.length, passed: results.length - failed, failed, results };
    },
  };

  /** The newest accepted events of a source whose type the draft answers to. */
  function recentOfType(sourceId: string, environment: string, pattern: string, n: number): EventSummary[] {
    const exact = !pattern.includes('*');
    const found: EventSummary[] = [];
    let cursor: number | undefined;
    for (let scanned = 0; found.length < n && scanned < PATTERN_SCAN_LIMIT; ) {
      const page = ctx.events.list({
        sourceId, environment, ...(exact ? { eventType: pattern } : {}), ...(cursor === undefined ? {} : { cursor }), limit: 200,
      });
      scanned += page.items.length;
      found.push(...page.items.filter((e) => e.responseStatus < 300 && eventTypeMatches(pattern, e.eventType)));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    return found.slice(0, n);
  }
}
