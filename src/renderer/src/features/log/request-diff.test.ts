import { describe, expect, it } from 'vitest';
import { requestDiff, type DiffSide } from './request-diff';

const side = (bodyText: string | null, headers: Array<[string, string]> = [], query = ''): DiffSide => ({
  headers,
  query,
  bodyText,
  bodyBase64: bodyText === null ? 'AAEC' : btoa(bodyText),
});

describe('requestDiff', () => {
  it('names the JSON paths whose values changed, with both values', () => {
    const before = side('{"id":"evt_1","data":{"object":{"amount_paid":2000,"lines":[1,2]}}}');
    const after = side('{"id":"evt_1","data":{"object":{"amount_paid":4200,"lines":[1]},"note":"x"}}');
    expect(requestDiff(before, after).body).toEqual({
      kind: 'json',
      truncated: false,
      changes: [
        { name: 'data.object.amount_paid', before: '2000', after: '4200' },
        { name: 'data.object.lines[1]', before: '2', after: null },
        { name: 'data.note', before: null, after: '"x"' },
      ],
    });
  });

  it('lists added, removed and changed headers (repeats joined), and a changed query', () => {
    const diff = requestDiff(
      side('{}', [['stripe-signature', 't=1,v1=a'], ['x-a', '1'], ['x-a', '2']], 'a=1'),
      side('{}', [['stripe-signature', 't=2,v1=b'], ['x-b', 'new']], 'a=2'),
    );
    expect(diff.headers).toEqual([
      { name: 'stripe-signature', before: 't=1,v1=a', after: 't=2,v1=b' },
      { name: 'x-a', before: '1, 2', after: null },
      { name: 'x-b', before: null, after: 'new' },
    ]);
    expect(diff.query).toEqual({ name: 'query', before: 'a=1', after: 'a=2' });
    expect(diff.same).toBe(false);
  });

  it('diffs text bodies line by line, and says when nothing differs', () => {
    expect(requestDiff(side('a\nb\nc'), side('a\nB\nc')).body).toEqual({
      kind: 'lines',
      lines: [
        { op: 'same', text: 'a' },
        { op: 'del', text: 'b' },
        { op: 'add', text: 'B' },
        { op: 'same', text: 'c' },
      ],
    });
    expect(requestDiff(side('{"a":1}', [['h', '1']]), side('{"a":1}', [['H', '1']])).same).toBe(true);
  });

  it('compares binary bodies by size only', () => {
    expect(requestDiff(side(null), { ...side(null), bodyBase64: 'AAECAw==' }).body).toMatchObject({ kind: 'other' });
  });
});
