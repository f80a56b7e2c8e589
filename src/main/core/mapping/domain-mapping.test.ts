import { describe, expect, it } from 'vitest';
// Tests src/shared/domain/{mapping,action}.ts; kept here because this part owns src/main/core/mapping.
import { ACTION_ORDER, ACTIONS, ResolvedParamsSchemas } from '../../../shared/domain/action';
import { eventTypeMatches, MappingSchema, PlanErrorSchema } from '../../../shared/domain/mapping';

describe('eventTypeMatches', () => {
  it.each<[string, string | null, boolean]>([
    ['invoice.paid', 'invoice.paid', true],
    ['invoice.paid', 'invoice.paid.extra', false],
    ['invoice.paid', 'invoicexpaid', false],
    ['customer.*', 'customer.created', true],
    ['customer.*', 'customer.', false],
    ['customer.*', 'customer.subscription.updated', false],
    ['customer.**', 'customer.subscription.updated', true],
    ['*.created', 'user.created', true],
    ['dsync.group.*', 'dsync.group.user_added', true],
    ['auth.users:*', 'auth.users:UPDATE', true],
    ['$identify', '$identify', true],
    ['*', 'anything.at.all', true],
    ['**', 'x', true],
    ['*', null, false],
  ])('%s vs %s → %s', (pattern, type, matches) => {
    expect(eventTypeMatches(pattern, type)).toBe(matches);
  });
});

const valid = {
  id: 'map_1', sourceId: 'src_1', eventType: 'invoice.paid', actionType: 'workflows_trigger',
  params: { key: '"invoice-paid"', recipients: 'body.data.object.customer', data: '' },
  activeIn: ['development'], position: 0, createdAt: 1, updatedAt: 1,
};

describe('MappingSchema (the first validation: structure)', () => {
  it('accepts a mapping with an unmapped (empty) optional parameter', () => {
    expect(MappingSchema.safeParse(valid).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an expression that does not parse, with its offset', { params: { key: '"k"', recipients: 'body.data[0' } }, 'params.recipients: expected "]" at 11'],
    ['a parameter the action does not have', { params: { key: '"k"', workflow: '"k"' } }, 'params.workflow: workflows_trigger has no parameter "workflow"'],
    ['an unknown action type', { actionType: 'users_merge' }, 'actionType'],
    ['an event type with a space', { eventType: 'invoice paid' }, 'eventType'],
    ['a bad environment key', { activeIn: ['Prod!'] }, 'activeIn.0'],
  ])('rejects %s', (_what, patch, where) => {
    const r = MappingSchema.safeParse({ ...valid, ...patch });
    expect(r.success).toBe(false);
    const issues = r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues.some((i) => i.startsWith(where))).toBe(true);
  });
});

describe('action catalogue', () => {
  it('lists the 12 actions in the fixed execution order, identify first and trigger last', () => {
    expect(ACTION_ORDER).toHaveLength(12);
    expect(Object.keys(ACTIONS)).toEqual([...ACTION_ORDER]);
    expect(ACTION_ORDER[0]).toBe('users_identify');
    expect(ACTION_ORDER.at(-1)).toBe('workflows_trigger');
  });

  it.each(ACTION_ORDER)('%s: every parameter spec matches its resolved schema', (type) => {
    const shape = ResolvedParamsSchemas[type].shape as Record<string, { isOptional(): boolean }>;
    for (const spec of ACTIONS[type].params) {
      if (spec.kind === 'custom_properties') continue;
      expect(shape[spec.name], `${type}.${spec.name}`).toBeDefined();
      expect(shape[spec.name]?.isOptional(), `${type}.${spec.name} optional`).toBe(!spec.required);
    }
    expect(Object.keys(shape).sort()).toEqual(ACTIONS[type].params.filter((p) => p.kind !== 'custom_properties').map((p) => p.name).sort());
  });

  it('defines not_found for execution, with a hint', () => {
    const e = { code: 'not_found', param: 'key', what: 'workflow', key: 'invoice-payed', hint: 'did you mean "invoice-paid"?', message: 'key: no workflow "invoice-payed"' };
    expect(PlanErrorSchema.parse(e)).toEqual(e);
  });
});
