import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { fixtures } from './fixtures/providers.fixture';
import { literalSource } from './literal';
import { parseExpr } from './parse';
import { listPaths, pathOf } from './paths';

describe('pathOf', () => {
  it.each<[Array<string | number>, string]>([
    [['body'], 'body'],
    [['body', 'data', 'object', 'customer'], 'body.data.object.customer'],
    [['body', 'items', 0, 'id'], 'body.items[0].id'],
    [['body', 'first name'], 'body["first name"]'],
    [['body', 'a.b', 'say "hi"'], 'body["a.b"]["say \\"hi\\""]'],
    [['headers', 'stripe-signature'], 'headers.stripe-signature'],
    [['body', 'properties', '$set', 'email'], 'body.properties.$set.email'],
    [['body', '0'], 'body[0]'],
    [['body', '007'], 'body["007"]'],
    [['body', '-x'], 'body["-x"]'],
    [['body', ''], 'body[""]'],
  ])('%j → %s', (segments, expected) => {
    expect(pathOf(segments)).toBe(expected);
  });

  it('refuses a first segment that is not a namespace', () => {
    expect(() => pathOf(['data', 'x'])).toThrow(/namespace/);
  });

  it('round-trips every path of a real payload: the path of a clicked value reads that value back', () => {
    const ctx = fixtures.clerkUserCreated;
    const walk = (v: unknown, segments: Array<string | number>): number => {
      const parsed = parseExpr(pathOf(segments));
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(evaluate(parsed.ast, ctx)).toEqual({ found: true, value: v });
      if (Array.isArray(v)) return v.reduce<number>((n, item, i) => n + walk(item, [...segments, i]), 1);
      if (v !== null && typeof v === 'object') {
        return Object.entries(v).reduce<number>((n, [k, item]) => n + walk(item, [...segments, k]), 1);
      }
      return 1;
    };
    expect(walk(ctx.body, ['body'])).toBeGreaterThan(50);
  });
});

describe('listPaths', () => {
  it('lists parents before children with leaf previews', () => {
    const paths = listPaths({ id: 'evt_1', data: { items: [{ 'unit price': 5 }] } }, 'body');
    expect(paths).toEqual([
      { path: 'body', kind: 'object' },
      { path: 'body.id', kind: 'string', value: 'evt_1' },
      { path: 'body.data', kind: 'object' },
      { path: 'body.data.items', kind: 'array' },
      { path: 'body.data.items[0]', kind: 'object' },
      { path: 'body.data.items[0]["unit price"]', kind: 'number', value: 5 },
    ]);
  });

  it('stops at the limit on a huge payload', () => {
    const big = { rows: Array.from({ length: 10_000 }, (_, i) => ({ i })) };
    expect(listPaths(big, 'body', { limit: 100 })).toHaveLength(100);
  });
});

describe('literalSource', () => {
  it.each<[Parameters<typeof literalSource>[0]]>([
    ['invoice-paid'],
    ['{{not a template}}'],
    ['quote " and backslash \\'],
    [42],
    [null],
    [{ role: 'admin', tags: ['a', 'b'], nested: { ok: true } }],
  ])('writes %j as a source that evaluates back to it', (v) => {
    const parsed = parseExpr(literalSource(v));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(evaluate(parsed.ast, fixtures.stripeInvoicePaid)).toEqual({ found: true, value: v });
  });
});
