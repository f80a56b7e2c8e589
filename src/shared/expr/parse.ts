import type { ArrayNode, ExprNode, JsonValue, LiteralNode, ObjectNode, PathNode, Segment, TemplateNode } from './ast';
import { NAMESPACES } from './ast';
import { ParseFailure, type ExprSyntaxError } from './errors';
import { Cursor } from './lexer';
import { formatPath, isNamespace } from './paths';

export type ParseResult = { ok: true; ast: ExprNode } | { ok: false; error: ExprSyntaxError };

const CACHE_LIMIT = 10_000;
const cache = new Map<string, ParseResult>();

/**
 * Parses an expression source once; the result (success or error) is cached by source string, since
 * the engine evaluates the same few hundred expressions for every event. Never throws.
 */
export const parseExpr = (source: string): ParseResult => {
  const hit = cache.get(source);
  if (hit) return hit;
  const result = parseUncached(source);
  // Mapping sources are few; a full cache means something is generating sources, so start over.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, result);
  return result;
};

const parseUncached = (source: string): ParseResult => {
  const c = new Cursor(source);
  try {
    c.skipSpace();
    const ast = parseExpression(c);
    c.skipSpace();
    if (!c.atEnd()) {
      const hint = c.peek() === '?' ? ' (a fallback is written "??")' : '';
      c.fail(`unexpected ${c.describeNext()}${hint}`);
    }
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
};

/** Deeper nesting than this is no hand-written mapping; refusing it keeps the stack bounded. */
const MAX_DEPTH = 64;

/** expression := primary ( "??" primary )* */
const parseExpression = (c: Cursor): ExprNode => {
  if (++c.depth > MAX_DEPTH) c.fail(`nested deeper than ${MAX_DEPTH} levels`);
  const node = parseFallbackChain(c);
  c.depth--;
  return node;
};

const parseFallbackChain = (c: Cursor): ExprNode => {
  const first = parsePrimary(c);
  const alternatives = [first];
  for (;;) {
    const save = c.pos;
    c.skipSpace();
    if (!c.startsWith('??')) {
      c.pos = save;
      break;
    }
    c.pos += 2;
    c.skipSpace();
    alternatives.push(parsePrimary(c));
  }
  if (alternatives.length === 1) return first;
  const last = alternatives[alternatives.length - 1] ?? first;
  return { type: 'fallback', alternatives, start: first.start, end: last.end };
};

const parsePrimary = (c: Cursor): ExprNode => {
  const start = c.pos;
  const ch = c.peek();
  if (ch === '"') return parseStringOrTemplate(c);
  if (ch === '{') return parseObject(c);
  if (ch === '[') return parseArray(c);
  if (ch !== undefined && /[-0-9]/.test(ch)) return literal(c.readNumber(), start, c.pos);
  const word = /[A-Za-z_$]/.test(ch ?? '') ? c.readWord() : '';
  if (word === '') c.fail(`expected an expression, got ${c.describeNext()}`);
  if (word === 'true' || word === 'false') return literal(word === 'true', start, c.pos);
  if (word === 'null') return literal(null, start, c.pos);
  if (!isNamespace(word)) {
    c.fail(`unknown namespace ${JSON.stringify(word)} (a path starts with ${NAMESPACES.join(', ')})`, start);
  }
  return parsePathRest(c, word, start);
};

const literal = (value: JsonValue, start: number, end: number): LiteralNode => ({ type: 'literal', value, start, end });

/** After the namespace: `.key`, `[0]`, `["odd key"]`, `[*]`, in any order, no spaces between. */
const parsePathRest = (c: Cursor, namespace: PathNode['namespace'], start: number): PathNode => {
  const segments: Segment[] = [];
  for (;;) {
    if (c.peek() === '.') {
      c.pos++;
      const keyAt = c.pos;
      if (c.peek() === '"') c.fail('expected a key after "." (write odd keys as ["…"])');
      const key = c.readWord();
      if (key === '') c.fail('expected a key after "."', keyAt);
      segments.push({ kind: 'key', key: headerName(namespace, segments, key) });
    } else if (c.peek() === '[') {
      c.pos++;
      segments.push(parseBracket(c, namespace, segments));
    } else break;
  }
  return { type: 'path', namespace, segments, text: formatPath(namespace, segments), start, end: c.pos };
};

/** Header names are case-insensitive and stored lower-cased, so the path is lower-cased too. */
const headerName = (namespace: string, before: readonly Segment[], key: string): string =>
  namespace === 'headers' && before.length === 0 ? key.toLowerCase() : key;

const parseBracket = (c: Cursor, namespace: PathNode['namespace'], before: readonly Segment[]): Segment => {
  const ch = c.peek();
  let segment: Segment;
  if (ch === '*') {
    c.pos++;
    segment = { kind: 'wildcard' };
  } else if (ch !== undefined && /[0-9]/.test(ch)) {
    const digits = c.readWord();
    if (!/^[0-9]+$/.test(digits)) c.fail('expected an array index (digits only)', c.pos - digits.length);
    segment = { kind: 'index', index: Number(digits) };
  } else if (ch === '"') {
    segment = { kind: 'key', key: headerName(namespace, before, c.readQuoted()) };
  } else {
    c.fail('expected an index, a quoted key or "*" after "["');
  }
  if (c.peek() !== ']') c.fail('expected "]"');
  c.pos++;
  return segment;
};

/**
 * A double-quoted string. It is a template when it holds at least one unescaped `{{`; each
 * placeholder holds a full expression written as in plain source (quotes inside are not escaped).
 */
const parseStringOrTemplate = (c: Cursor): LiteralNode | TemplateNode => {
  const start = c.pos;
  c.pos++;
  const parts: Array<string | ExprNode> = [];
  let text = '';
  for (;;) {
    const ch = c.peek();
    if (ch === undefined) c.fail('unterminated string', start);
    if (ch === '"') {
      c.pos++;
      break;
    }
    if (c.startsWith('{{')) {
      if (text) parts.push(text);
      text = '';
      parts.push(parsePlaceholder(c));
      continue;
    }
    c.pos++;
    text += ch === '\\' ? c.readEscape() : ch;
  }
  if (parts.length === 0) return literal(text, start, c.pos);
  if (text) parts.push(text);
  return { type: 'template', parts, start, end: c.pos };
};

const parsePlaceholder = (c: Cursor): ExprNode => {
  const open = c.pos;
  c.pos += 2;
  c.skipSpace();
  if (c.startsWith('}}')) c.fail('empty placeholder "{{}}"', open);
  const inner = parseExpression(c);
  c.skipSpace();
  if (!c.startsWith('}}')) c.fail(`expected "}}" to close the placeholder opened at ${open}`);
  c.pos += 2;
  return inner;
};

const parseObject = (c: Cursor): ObjectNode => {
  const start = c.pos;
  c.pos++;
  const entries: Array<readonly [string, ExprNode]> = [];
  c.skipSpace();
  if (c.peek() === '}') {
    c.pos++;
    return { type: 'object', entries, start, end: c.pos };
  }
  for (;;) {
    c.skipSpace();
    let key: string;
    if (c.peek() === '"') key = c.readQuoted();
    else {
      key = /[A-Za-z_$]/.test(c.peek() ?? '') ? c.readWord() : '';
      if (key === '') c.fail('expected a key (a quoted string or a name)');
    }
    c.skipSpace();
    c.expect(':');
    c.skipSpace();
    entries.push([key, parseExpression(c)]);
    c.skipSpace();
    if (c.peek() === ',') c.pos++;
    else if (c.peek() === '}') {
      c.pos++;
      return { type: 'object', entries, start, end: c.pos };
    } else c.fail('expected "," or "}"');
  }
};

const parseArray = (c: Cursor): ArrayNode => {
  const start = c.pos;
  c.pos++;
  const items: ExprNode[] = [];
  c.skipSpace();
  if (c.peek() === ']') {
    c.pos++;
    return { type: 'array', items, start, end: c.pos };
  }
  for (;;) {
    c.skipSpace();
    items.push(parseExpression(c));
    c.skipSpace();
    if (c.peek() === ',') c.pos++;
    else if (c.peek() === ']') {
      c.pos++;
      return { type: 'array', items, start, end: c.pos };
    } else c.fail('expected "," or "]"');
  }
};
