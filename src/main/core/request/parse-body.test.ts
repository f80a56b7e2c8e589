import { describe, expect, it } from 'vitest';
import { parseBody } from './parse-body';

const deep = (depth: number) => Buffer.from(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
const TOO_DEEP = 'JSON nested deeper than 512 levels: kept as sent, not parsed for mapping';

describe('parseBody', () => {
  it.each([['application/json'], ['application/vnd.api+json; charset=utf-8'], [null], ['text/plain']])(
    'leaves JSON nested 513 levels deep unparsed, saying why (content type %s)',
    (contentType) => {
      expect(parseBody(contentType, deep(513))).toEqual({ value: null, parseError: TOO_DEEP });
      expect(parseBody(contentType, Buffer.from(`  \n${'['.repeat(6000)}${']'.repeat(6000)}`))).toEqual({ value: null, parseError: TOO_DEEP });
    },
  );

  it('parses JSON nested exactly 512 levels deep', () => {
    const parsed = parseBody('application/json', deep(512));
    expect(parsed.parseError).toBeNull();
    let levels = 0;
    for (let v = parsed.value; typeof v === 'object' && v !== null; v = (v as { a: unknown }).a) levels++;
    expect(levels).toBe(512);
  });

  it('does not count brackets inside strings as nesting', () => {
    const body = Buffer.from(JSON.stringify({ note: '['.repeat(5000), quoted: `\\"${'{'.repeat(5000)}` }));
    expect(parseBody('application/json', body)).toEqual({ value: { note: '['.repeat(5000), quoted: `\\"${'{'.repeat(5000)}` }, parseError: null });
  });

  it('still reports malformed JSON as malformed', () => {
    expect(parseBody('application/json', Buffer.from('{"a":')).parseError).toMatch(/^Malformed JSON/);
  });

  it('keeps a form body whose values look like deep JSON as a form', () => {
    const value = '['.repeat(1000);
    expect(parseBody('application/x-www-form-urlencoded', Buffer.from(`v=${encodeURIComponent(value)}`))).toEqual({ value: { v: value }, parseError: null });
  });
});
