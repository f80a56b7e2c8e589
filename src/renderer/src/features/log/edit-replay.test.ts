import { describe, expect, it } from 'vitest';
import { formatJson, headersToText, isJsonBody, jsonProblem, parseHeaderLines } from './edit-replay';

describe('editing a request to replay', () => {
  it('round-trips header lines, joining repeats and naming lines that are not headers', () => {
    const text = headersToText([['content-type', 'application/json'], ['x-a', '1'], ['x-a', '2']]);
    expect(text).toBe('content-type: application/json\nx-a: 1\nx-a: 2');
    expect(parseHeaderLines(`${text}\n\nStripe-Signature: t=1,v1=ab:cd\nnot a header`)).toEqual({
      headers: { 'content-type': 'application/json', 'x-a': '1, 2', 'stripe-signature': 't=1,v1=ab:cd' },
      problems: ['Line 6 is not "name: value".'],
    });
  });

  it('says where JSON stops parsing, by line and column', () => {
    expect(jsonProblem('{"a": 1}')).toBeNull();
    expect(jsonProblem('{\n  "a": 1,\n  "b": }')).toMatch(/^Line 3, column 8: /);
  });

  it('edits JSON content types and JSON-looking text as JSON, and pretty-prints it', () => {
    expect(isJsonBody('application/vnd.api+json', 'not json yet')).toBe(true);
    expect(isJsonBody(null, '{"a":1}')).toBe(true);
    expect(isJsonBody('application/x-www-form-urlencoded', 'a=1')).toBe(false);
    expect(formatJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(formatJson('{oops')).toBe('{oops');
  });
});
