import { MAX_JSON_DEPTH } from '../../../shared/json/nesting';

/** A key or an index on the way to a value in a JSON document. */
export type JsonPathPart = string | number;

/** Where a primitive value (string, number, true/false/null) sits in the text, and its path. */
export interface JsonSpan {
  path: JsonPathPart[];
  start: number;
  end: number;
  type: 'string' | 'number' | 'literal';
}

interface Frame {
  kind: 'object' | 'array';
  path: JsonPathPart[];
  index: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const WHITESPACE = /[ \t\n\r]*/y;

/**
 * The primitive values of a JSON text with their offsets, so a redaction replaces exactly those
 * bytes and leaves the rest (formatting, key order, big integers) as it was. Iterative, not
 * recursive: a deeply nested body must not overflow the stack. The caller has checked that the
 * text is JSON (`JSON.parse`); on anything else this returns null.
 */
export function jsonSpans(text: string): JsonSpan[] | null {
  const spans: JsonSpan[] = [];
  const stack: Frame[] = [];
  let i = 0;
  const skip = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  const stringEnd = (from: number): number => {
    let j = from + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 0x5c) j += 2;
      else if (c === 0x22) return j + 1;
      else j += 1;
    }
    return -1;
  };
  /** Reads one value at `i` under `path`; pushes a frame for a container. */
  const value = (path: JsonPathPart[]): boolean => {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      // Past the depth every other walker refuses, the caller treats the body as text.
      if (stack.length >= MAX_JSON_DEPTH) return false;
      stack.push({ kind: c === '{' ? 'object' : 'array', path, index: 0 });
      i += 1;
      return true;
    }
    if (c === '"') {
      const end = stringEnd(i);
      if (end < 0) return false;
      spans.push({ path, start: i, end, type: 'string' });
      i = end;
      return true;
    }
    for (const [re, type] of [[NUMBER, 'number'], [LITERAL, 'literal']] as const) {
      re.lastIndex = i;
      if (re.exec(text)) {
        spans.push({ path, start: i, end: re.lastIndex, type });
        i = re.lastIndex;
        return true;
      }
    }
    return false;
  };

  if (!value([])) return null;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    skip();
    const close = frame.kind === 'object' ? '}' : ']';
    if (text[i] === close) {
      stack.pop();
      i += 1;
      continue;
    }
    if (frame.index > 0) {
      if (text[i] !== ',') return null;
      i += 1;
      skip();
    }
    frame.index += 1;
    if (frame.kind === 'array') {
      if (!value([...frame.path, frame.index - 1])) return null;
      continue;
    }
    if (text[i] !== '"') return null;
    const keyEnd = stringEnd(i);
    if (keyEnd < 0) return null;
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = keyEnd;
    skip();
    if (text[i] !== ':') return null;
    i += 1;
    if (!value([...frame.path, key])) return null;
  }
  return spans;
}
