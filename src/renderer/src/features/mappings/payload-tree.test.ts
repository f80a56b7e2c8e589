import { describe, expect, it } from 'vitest';
import { parentIndex, visibleRows } from './payload-tree';

const ctx = {
  body: { type: 'user.created', data: { id: 'u1', 'first name': 'Ada', emails: [{ address: 'a@x.io' }] } },
  headers: { 'content-type': 'application/json' },
  query: {},
  preprocess: undefined,
};

describe('visibleRows', () => {
  it('lists the body open with paths a click can insert, and headers closed', () => {
    const rows = visibleRows(ctx, new Set());
    expect(rows.map((r) => r.path)).toEqual([
      'body', 'body.type', 'body.data', 'body.data.id', 'body.data["first name"]', 'body.data.emails', 'body.data.emails[0]', 'body.data.emails[0].address', 'headers',
    ]);
    expect(rows.find((r) => r.path === 'headers')).toMatchObject({ expandable: true, expanded: false, preview: '{1}' });
    expect(rows.find((r) => r.path === 'body.data.emails[0]')).toMatchObject({ label: '[0]', preview: '{1}' });
  });

  it('flips a toggled path: a closed header opens, an open object closes', () => {
    const rows = visibleRows(ctx, new Set(['headers', 'body.data']));
    expect(rows.map((r) => r.path)).toEqual(['body', 'body.type', 'body.data', 'headers', 'headers.content-type']);
  });

  it('stops at the row limit', () => {
    expect(visibleRows(ctx, new Set(), 3)).toHaveLength(3);
  });

  it('opens a value nested 20,000 levels deep only down to 512 levels, without overflowing', () => {
    let body: unknown = 'bottom';
    for (let i = 0; i < 20_000; i++) body = i % 2 ? { a: body } : [body];
    // Every level the user could have opened, so the default (4 levels) is not what stops the walk.
    const toggled = new Set<string>();
    let path = 'body';
    for (let i = 0; i < 20_000; i++) {
      if (i >= 4) toggled.add(path);
      path += i % 2 ? '[0]' : '.a';
    }
    const rows = visibleRows({ body, headers: {}, query: {}, preprocess: undefined }, toggled, 100_000);
    expect(rows).toHaveLength(513);
    expect(rows.at(-1)).toMatchObject({ depth: 512, expandable: false, expanded: false });
    expect(rows[3]?.path).toBe('body.a[0].a');
  });

  it('finds the parent row for ←', () => {
    const rows = visibleRows(ctx, new Set());
    expect(rows[parentIndex(rows, 3)]?.path).toBe('body.data');
  });
});
