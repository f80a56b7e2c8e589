import { describe, expect, it } from 'vitest';
import type { ExprNode } from './ast';
import { parseExpr } from './parse';

const ast = (source: string): ExprNode => {
  const r = parseExpr(source);
  if (!r.ok) throw new Error(`expected ${source} to parse: ${r.error.message}`);
  return r.ast;
};

const pathText = (source: string): string => {
  const node = ast(source);
  if (node.type !== 'path') throw new Error(`expected a path, got ${node.type}`);
  return node.text;
};

describe('parseExpr: paths', () => {
  it.each([
    ['body', 'body'],
    ['body.data.object.customer', 'body.data.object.customer'],
    ['body.items[0].id', 'body.items[0].id'],
    ['body.items.0.id', 'body.items[0].id'],
    ['body["first name"]', 'body["first name"]'],
    ['body["a.b"]["c\\"d"]', 'body["a.b"]["c\\"d"]'],
    ['headers.stripe-signature', 'headers.stripe-signature'],
    ['headers.Stripe-Signature', 'headers.stripe-signature'],
    ['headers["X-Odd.Key"]', 'headers["x-odd.key"]'],
    ['body.members[*].user_id', 'body.members[*].user_id'],
    ['body.properties.$set.email', 'body.properties.$set.email'],
    ['query.page', 'query.page'],
    ['preprocess.event', 'preprocess.event'],
    ['  body.id  ', 'body.id'],
    ['body["simple"]', 'body.simple'],
  ])('reads %s as the path %s', (source, text) => {
    expect(pathText(source)).toBe(text);
  });

  it('keeps segment kinds apart', () => {
    expect(ast('body.a[2][*]["x y"].0')).toMatchObject({
      type: 'path',
      namespace: 'body',
      segments: [
        { kind: 'key', key: 'a' },
        { kind: 'index', index: 2 },
        { kind: 'wildcard' },
        { kind: 'key', key: 'x y' },
        { kind: 'key', key: '0' },
      ],
      start: 0,
      end: 21,
    });
  });
});

describe('parseExpr: literals, templates, fallbacks', () => {
  it.each<[string, unknown]>([
    ['"hello"', 'hello'],
    ['"tab\\there \\u00e9 \\"q\\""', 'tab\there é "q"'],
    ['"\\{{not a template}}"', '{{not a template}}'],
    ['42', 42],
    ['-1.5e3', -1500],
    ['0', 0],
    ['true', true],
    ['false', false],
    ['null', null],
  ])('reads %s as a literal', (source, value) => {
    expect(ast(source)).toMatchObject({ type: 'literal', value });
  });

  it('reads a string with {{…}} as a template of text and expressions', () => {
    const node = ast('"{{body.data.first_name}} {{ body.data.last_name }}"');
    expect(node.type).toBe('template');
    if (node.type !== 'template') return;
    expect(node.parts.map((p) => (typeof p === 'string' ? p : p.type))).toEqual(['path', ' ', 'path']);
  });

  it('allows quotes and fallbacks inside a placeholder without escaping', () => {
    const node = ast('"Hi {{body["first name"] ?? "there"}}!"');
    expect(node.type).toBe('template');
  });

  it('reads a ?? b ?? "c" as one fallback with three alternatives', () => {
    const node = ast('body.data.email ?? body.data.email_addresses[0].email_address ?? "nobody"');
    expect(node.type).toBe('fallback');
    if (node.type === 'fallback') expect(node.alternatives.map((a) => a.type)).toEqual(['path', 'path', 'literal']);
  });

  it('reads objects and arrays whose members are expressions', () => {
    expect(ast('{"role": body.data.role, plan: "pro", "n": [1, body.x]}')).toMatchObject({
      type: 'object',
      entries: [['role', { type: 'path' }], ['plan', { type: 'literal', value: 'pro' }], ['n', { type: 'array' }]],
    });
    expect(ast('[]')).toMatchObject({ type: 'array', items: [] });
    expect(ast('{ }')).toMatchObject({ type: 'object', entries: [] });
  });

  it('returns the same result object for the same source (parsed once)', () => {
    expect(parseExpr('body.data.object.id')).toBe(parseExpr('body.data.object.id'));
  });
});

describe('parseExpr: errors carry the character offset', () => {
  it.each([
    ['', 'expected an expression, got end of expression at 0', 0],
    ['   ', 'expected an expression, got end of expression at 3', 3],
    ['data.email', 'unknown namespace "data" (a path starts with body, headers, query, preprocess) at 0', 0],
    ['body.', 'expected a key after "." at 5', 5],
    ['body..x', 'expected a key after "." at 5', 5],
    ['body.items[0.id', 'expected "]" at 12', 12],
    ['body.data.items[0', 'expected "]" at 17', 17],
    ['body.items[]', 'expected an index, a quoted key or "*" after "[" at 11', 11],
    ['body.items[-1]', 'expected an index, a quoted key or "*" after "[" at 11', 11],
    ['body.items[1a]', 'expected an array index (digits only) at 11', 11],
    ['headers."x-odd.key"', 'expected a key after "." (write odd keys as ["…"]) at 8', 8],
    ['body["first name]', 'unterminated string at 5', 5],
    ['"abc', 'unterminated string at 0', 0],
    ['"a\\qb"', 'invalid escape "\\\\q" at 2', 2],
    ['"\\u12"', 'invalid escape "\\u" (expected 4 hex digits) at 1', 1],
    ['"{{body.a}"', 'expected "}}" to close the placeholder opened at 1 at 9', 9],
    ['"x {{ }}"', 'empty placeholder "{{}}" at 3', 3],
    ['body.a body.b', 'unexpected "b" at 7', 7],
    ['body.a ? "x"', 'unexpected "?" (a fallback is written "??") at 7', 7],
    ['body.a ??', 'expected an expression, got end of expression at 9', 9],
    ['body.a ?? ', 'expected an expression, got end of expression at 10', 10],
    ['12abc', 'invalid number at 0', 0],
    ['-', 'invalid number at 0', 0],
    ['{"a" 1}', 'expected ":" at 5', 5],
    ['{"a": 1 "b": 2}', 'expected "," or "}" at 8', 8],
    ['{1: 2}', 'expected a key (a quoted string or a name) at 1', 1],
    ['[1, 2', 'expected "," or "]" at 5', 5],
    ['#', 'expected an expression, got "#" at 0', 0],
    ['['.repeat(100), 'nested deeper than 64 levels at 64', 64],
  ])('%j → %s', (source, message, offset) => {
    const r = parseExpr(source);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ message, offset });
  });
});
