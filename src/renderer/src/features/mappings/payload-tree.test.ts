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

  it('finds the parent row for ←', () => {
    const rows = visibleRows(ctx, new Set());
    expect(rows[parentIndex(rows, 3)]?.path).toBe('body.data');
  });
});
