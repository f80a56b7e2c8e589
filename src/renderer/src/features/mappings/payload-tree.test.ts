import { describe, expect, it } from 'vitest';
import { CHILD_PAGE, parentIndex, ROW_BUDGET, visibleRows } from './payload-tree';

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

  it('stops at the row budget with a line that shows more of the sample', () => {
    const rows = visibleRows(ctx, new Set(), { budget: 3 });
    expect(rows.map((r) => r.path)).toEqual(['body', 'body.type', 'body.data', '\u0000more']);
    expect(rows[3]).toMatchObject({ label: 'Show more of the sample', more: { parent: '', remaining: null } });
    expect(visibleRows(ctx, new Set(), { budget: 100 }).some((r) => r.more)).toBe(false);
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
    const rows = visibleRows({ body, headers: {}, query: {}, preprocess: undefined }, toggled, { budget: 100_000 });
    expect(rows).toHaveLength(513);
    expect(rows.at(-1)).toMatchObject({ depth: 512, expandable: false, expanded: false });
    expect(rows[3]?.path).toBe('body.a[0].a');
  });

  it('shows the first 100 children of a large array, then a line for the next 100, then more when asked', () => {
    const body = { items: Array.from({ length: 250 }, (_, i) => i), after: true };
    const rows = visibleRows({ body, headers: {}, query: {}, preprocess: undefined }, new Set());
    expect(rows.map((r) => r.path).slice(0, 4)).toEqual(['body', 'body.items', 'body.items[0]', 'body.items[1]']);
    expect(rows.filter((r) => r.path.startsWith('body.items['))).toHaveLength(CHILD_PAGE);
    const more = rows[2 + CHILD_PAGE];
    expect(more).toMatchObject({ depth: 2, label: 'Show 100 more', preview: '150 not shown', more: { parent: 'body.items', count: 100, remaining: 150 } });
    // The container's siblings follow its "more" line.
    expect(rows[3 + CHILD_PAGE]?.path).toBe('body.after');
    const wider = visibleRows({ body, headers: {}, query: {}, preprocess: undefined }, new Set(), { shown: new Map([['body.items', 200]]) });
    expect(wider.filter((r) => r.path.startsWith('body.items['))).toHaveLength(200);
    expect(wider.find((r) => r.more)).toMatchObject({ label: 'Show 50 more', more: { remaining: 50 } });
  });

  it('pages the keys of a large object the same way', () => {
    const body = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    const rows = visibleRows({ body, headers: {}, query: {}, preprocess: undefined }, new Set());
    expect(rows).toHaveLength(1 + CHILD_PAGE + 1);
    expect(rows.at(-1)).toMatchObject({ label: 'Show 100 more', more: { parent: 'body', remaining: 900 } });
  });

  it('keeps a 5 MB body to about a thousand rows', () => {
    const body = {
      data: Array.from({ length: 20_000 }, (_, i) => ({ id: `obj_${i}`, amount: i, customer: { id: `cus_${i}`, email: `u${i}@example.com` }, lines: [{ sku: 'a', qty: 1 }] })),
    };
    expect(JSON.stringify(body).length).toBeGreaterThan(2_000_000);
    const rows = visibleRows({ body, headers: {}, query: {}, preprocess: undefined }, new Set());
    expect(rows.length).toBeLessThanOrEqual(ROW_BUDGET + 1);
    expect(rows.at(-1)).toMatchObject({ more: { parent: 'body.data', remaining: 20_000 - CHILD_PAGE } });
  });

  it('finds the parent row for ←', () => {
    const rows = visibleRows(ctx, new Set());
    expect(rows[parentIndex(rows, 3)]?.path).toBe('body.data');
  });
});
