import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../shared/expr/schema';
import { ConditionSchema } from '../../../shared/expr/schema';
import { fixtures as f } from '../../../shared/expr/fixtures/providers.fixture';
import { evaluateCondition, jsonEqual } from './conditions';

const invoice = f.stripeInvoicePaid;

describe('evaluateCondition', () => {
  it.each<[string, Condition, boolean]>([
    ['equals a string', { path: 'body.type', op: 'equals', value: 'invoice.paid' }, true],
    ['equals is strict about types', { path: 'body.data.object.amount_due', op: 'equals', value: '2900' }, false],
    ['equals a number', { path: 'body.data.object.amount_due', op: 'equals', value: 2900 }, true],
    ['equals an object, key order aside', { path: 'body.request', op: 'equals', value: { idempotency_key: null, id: null } }, true],
    ['not_equals', { path: 'body.data.object.status', op: 'not_equals', value: 'open' }, true],
    ['not_equals holds when the path is missing', { path: 'body.data.object.nope', op: 'not_equals', value: 'x' }, true],
    ['exists', { path: 'body.data.object.subscription', op: 'exists' }, true],
    ['exists is false for null', { path: 'body.request.id', op: 'exists' }, false],
    ['not_exists for a missing path', { path: 'body.data.previous_attributes', op: 'not_exists' }, true],
    ['in a list', { path: 'body.data.object.billing_reason', op: 'in', value: ['subscription_cycle', 'subscription_create'] }, true],
    ['not in a list', { path: 'body.data.object.currency', op: 'in', value: ['eur', 'gbp'] }, false],
    ['matches a regex', { path: 'body.data.object.customer', op: 'matches', value: '^cus_[A-Za-z0-9]+$' }, true],
    ['matches only strings', { path: 'body.data.object.amount_due', op: 'matches', value: '2900' }, false],
    ['a header', { path: 'headers.Content-Type', op: 'matches', value: '^application/json' }, true],
    ['all', { op: 'all', conditions: [{ path: 'body.livemode', op: 'equals', value: false }, { path: 'body.type', op: 'matches', value: '^invoice\\.' }] }, true],
    ['all with one false', { op: 'all', conditions: [{ path: 'body.livemode', op: 'equals', value: true }, { path: 'body.type', op: 'exists' }] }, false],
    ['any', { op: 'any', conditions: [{ path: 'body.livemode', op: 'equals', value: true }, { path: 'body.type', op: 'exists' }] }, true],
    ['a template path', { path: '"{{body.object}}:{{body.type}}"', op: 'equals', value: 'event:invoice.paid' }, true],
  ])('%s', (_what, condition, passed) => {
    expect(ConditionSchema.safeParse(condition).success).toBe(true);
    expect(evaluateCondition(condition, invoice).kind).toBe(passed ? 'passed' : 'failed');
  });

  it('explains why it failed, with what it got', () => {
    expect(evaluateCondition({ path: 'body.data.object.status', op: 'in', value: ['open', 'void'] }, invoice)).toEqual({
      kind: 'failed',
      reason: 'body.data.object.status is one of ["open","void"] is false (got "paid")',
    });
    expect(evaluateCondition({ path: 'body.data.customer.id', op: 'exists' }, invoice)).toEqual({
      kind: 'failed',
      reason: 'body.data.customer.id exists is false (got nothing (resolved up to body.data))',
    });
    expect(
      evaluateCondition({ op: 'any', conditions: [{ path: 'body.livemode', op: 'equals', value: true }, { path: 'body.x', op: 'exists' }] }, invoice),
    ).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^none held: body.livemode equals true is false \(got false\); body.x exists/) });
  });
});

describe('ConditionSchema', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['a path that does not parse', { path: 'body.items[0', op: 'exists' }, 'path', /expected "\]" at 12/],
    ['an invalid regex', { path: 'body.type', op: 'matches', value: '(' }, 'value', /not a valid regular expression/],
    ['"in" without a list', { path: 'body.type', op: 'in', value: 'a' }, 'value', /^Invalid input: expected array, received string$/],
    ['an unknown operator', { path: 'body.type', op: 'contains', value: 'a' }, 'op', /^Invalid discriminator value\. Expected 'equals' \| 'not_equals' \| 'exists' \| 'not_exists' \| 'in' \| 'matches' \| 'all' \| 'any'$/],
    ['an empty "all"', { op: 'all', conditions: [] }, 'conditions', /^Too small: expected array to have >=1 items$/],
  ])('rejects %s, naming the field', (_what, input, path, message) => {
    const r = ConditionSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).toEqual([{ path, message: expect.stringMatching(message) }]);
  });
});

describe('jsonEqual', () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1, true], ['1', 1, false], [null, null, true], [[1, [2]], [1, [2]], true], [[1], [1, 2], false],
    [{ a: 1, b: [null] }, { b: [null], a: 1 }, true], [{ a: 1 }, { a: 1, b: 2 }, false], [[], {}, false],
  ])('%j vs %j → %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
  });
});
