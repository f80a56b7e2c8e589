import { describe, expect, it } from 'vitest';
import { ACTIONS, type ParamSpec } from '../../../../shared/domain/action';
import { formatValue, previewParam } from './live-resolve';

const spec = (type: keyof typeof ACTIONS, name: string): ParamSpec => {
  const found = ACTIONS[type].params.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const ctx = {
  body: { data: { id: 'usr_1', email: 'ada@example.com', age: 36, tags: [], name: null, object: { n: 42 } } },
  headers: { 'x-id': 'h1' },
  query: {},
  preprocess: undefined,
};

describe('previewParam', () => {
  it('resolves a path to the value it reads', () => {
    expect(previewParam(spec('users_identify', 'email'), 'body.data.email', ctx)).toEqual({ state: 'ok', value: 'ada@example.com', note: null });
  });

  // Stripe source page: Knock's docs write `data.object.customer`; the editor reads it as body.… and says so.
  it.each([
    ['data.email', 'ada@example.com', 'read as body.data.email'],
    ['data.object.n', 42, 'read as body.data.object.n; number, converted to a string'],
  ])('accepts the docs-style path %s with a visible note', (source, value, note) => {
    expect(previewParam(spec('users_identify', 'id'), source, ctx)).toEqual({ state: 'ok', value, note });
  });

  it('says a required parameter that is not mapped is missing', () => {
    expect(previewParam(spec('users_identify', 'id'), '  ', ctx)).toEqual({ state: 'empty', required: true, message: 'required, but not mapped' });
  });

  it('points a syntax error at its character', () => {
    expect(previewParam(spec('users_identify', 'id'), 'body.items[0.id', ctx)).toMatchObject({ state: 'error', offset: 12 });
  });

  it('fails a required parameter whose last key is absent, naming how far the path got', () => {
    const r = previewParam(spec('users_identify', 'id'), 'body.data.uid', ctx);
    expect(r).toEqual({ state: 'error', message: 'body.data.uid is missing (resolved up to body.data, an object)' });
  });

  it('only warns for an optional parameter that does not resolve', () => {
    expect(previewParam(spec('users_identify', 'timezone'), 'body.data.email.tz', ctx)).toMatchObject({ state: 'warn' });
  });

  it('treats null as no value: an error when required, left out when optional', () => {
    expect(previewParam(spec('users_identify', 'id'), 'body.data.name', ctx)).toMatchObject({ state: 'error', message: 'resolves to null' });
    expect(previewParam(spec('users_identify', 'name'), 'body.data.name', ctx)).toMatchObject({ state: 'warn' });
  });

  it('rejects a value of the wrong kind, as the engine would', () => {
    expect(previewParam(spec('workflows_trigger', 'data'), 'body.data.email', ctx)).toEqual({
      state: 'error',
      message: 'expected an object, got string "ada@example.com"',
    });
    expect(previewParam(spec('workflows_trigger', 'recipients'), 'body.data.tags', ctx)).toMatchObject({ state: 'error', message: 'an empty list' });
  });

  it('notes the conversions the engine makes', () => {
    expect(previewParam(spec('users_identify', 'id'), 'body.data.age', ctx)).toEqual({ state: 'ok', value: 36, note: 'number, converted to a string' });
    expect(previewParam(spec('workflows_trigger', 'recipients'), 'body.data.id', ctx)).toMatchObject({ note: 'one value, wrapped in a list' });
  });

  it('resolves templates and literals', () => {
    expect(previewParam(spec('users_identify', 'name'), '"{{body.data.email}} ({{headers.x-id}})"', ctx)).toMatchObject({ value: 'ada@example.com (h1)' });
    expect(previewParam(spec('workflows_trigger', 'key'), '"invoice-paid"', ctx)).toMatchObject({ state: 'ok', value: 'invoice-paid' });
  });
});

describe('formatValue', () => {
  it('quotes strings and shortens long values', () => {
    expect(formatValue('a')).toBe('"a"');
    expect(formatValue({ a: 'x'.repeat(200) }, 20)).toHaveLength(20);
  });
});
