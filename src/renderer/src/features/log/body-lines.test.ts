import { describe, expect, it } from 'vitest';
import { formatBody, rowStarts, rowText } from './body-lines';

const rows = (text: string, rowChars?: number): string[] => {
  const starts = rowStarts(text, rowChars);
  return Array.from(starts, (_, i) => rowText(text, starts, i));
};

describe('body rows', () => {
  it('draws one row per line, without the line breaks, keeping empty lines', () => {
    expect(rows('a\n\nbc\n')).toEqual(['a', '', 'bc', '']);
  });

  it('cuts a minified body into rows of a fixed width that join back to the body', () => {
    const text = 'x'.repeat(1001);
    expect(rows(text, 400).map((r) => r.length)).toEqual([400, 400, 201]);
    expect(rows(text, 400).join('')).toBe(text);
  });

  it('formats JSON both ways and leaves other text raw only', () => {
    const json = formatBody('{"a":[1]}');
    expect(json.pretty).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(json.prettyStarts).toHaveLength(5);
    expect(json.rawStarts).toHaveLength(1);
    expect(formatBody('a=1&b=2')).toMatchObject({ pretty: null, prettyStarts: null });
  });
});
