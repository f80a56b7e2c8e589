import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/api/result';
import { applyOverrides, parseOverridePath } from './payload-overrides';

const sample = { data: { object: { amount_paid: 100, lines: [{ id: 'il_1' }] } } };

describe('payload overrides (inlet send --set)', () => {
  it('sets nested values, list items and new last keys on a copy', () => {
    const out = applyOverrides(sample, [
      { path: 'data.object.amount_paid', value: 500 },
      { path: 'data.object.lines[0].id', value: 'il_2' },
      { path: 'data.object.metadata', value: { plan: 'pro' } },
    ]);
    expect(out).toEqual({ data: { object: { amount_paid: 500, lines: [{ id: 'il_2' }], metadata: { plan: 'pro' } } } });
    expect(sample.data.object.amount_paid).toBe(100);
  });

  it.each([
    ['data.objekt.amount', /data\.objekt is not in the payload/],
    ['data.object.amount_paid.x', /data\.object\.amount_paid is number, so it has no "x"/],
    ['data.object.lines.x', /is a list of 1; "x" is not one of its positions/],
    ['data..x', /is not a path/],
  ])('refuses %s with a message naming it', (path, message) => {
    const attempt = () => applyOverrides(sample, [{ path, value: 1 }]);
    expect(attempt).toThrow(ApiFailure);
    expect(attempt).toThrow(message);
  });

  it('refuses overrides on a text (form) payload', () => {
    expect(() => applyOverrides('a=1&b=2', [{ path: 'a', value: 2 }])).toThrow(/need a JSON payload/);
  });

  it('reads a[0].b and a.0.b alike', () => {
    expect(parseOverridePath('a[0].b')).toEqual(['a', 0, 'b']);
    expect(parseOverridePath('a.0.b')).toEqual(['a', 0, 'b']);
  });
});
