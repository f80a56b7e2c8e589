import { describe, expect, it } from 'vitest';
import { parseHeaderText } from './header-lines';

describe('parseHeaderText', () => {
  it('reads “Name: value” lines, keeping colons inside values and skipping blank lines', () => {
    expect(parseHeaderText('Content-Type: application/json\n\nStripe-Signature: t=1,v1=abc:def\r\nX-Empty:')).toEqual({
      ok: true,
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': 't=1,v1=abc:def', 'X-Empty': '' },
    });
  });

  it('joins a repeated header (any case) with a comma, as HTTP does', () => {
    expect(parseHeaderText('Accept: a\naccept: b')).toEqual({ ok: true, headers: { Accept: 'a, b' } });
  });

  it('skips HTTP/2 pseudo-headers such as :authority', () => {
    expect(parseHeaderText(':authority: example.com\nx-a: 1')).toEqual({ ok: true, headers: { 'x-a': '1' } });
  });

  it('names the line that is not a header', () => {
    expect(parseHeaderText('x-a: 1\nthis is not a header\nbad name: 2')).toEqual({
      ok: false,
      errors: ['Line 2: expected “Name: value”, got “this is not a header”.', 'Line 3: “bad name” is not a valid header name.'],
    });
  });

  it('reads a JSON object, turning numbers into text', () => {
    expect(parseHeaderText('{"content-type": "application/json", "x-retry": 2}')).toEqual({ ok: true, headers: { 'content-type': 'application/json', 'x-retry': '2' } });
  });

  it('says when JSON headers do not parse or hold a non-text value', () => {
    const broken = parseHeaderText('{"a": ');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.errors[0]).toMatch(/look like JSON but do not parse/);
    expect(parseHeaderText('{"x-a": {"nested": true}}')).toEqual({ ok: false, errors: ['Header “x-a” must have a text value.'] });
  });

  it('treats empty text as no headers', () => {
    expect(parseHeaderText('  \n ')).toEqual({ ok: true, headers: {} });
  });
});
