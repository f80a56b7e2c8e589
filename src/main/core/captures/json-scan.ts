import type { Chunks } from './entry';

/** A piece of JSON text found by a scan: one value, with where it started. */
export interface JsonPiece {
  text: string;
  /** 1-based line where it starts. */
  line: number;
  /** 1-based position within its list (array items) or the file (concatenated values). */
  index: number;
}

export type ScanResult =
  | { kind: 'piece'; piece: JsonPiece }
  /** Text between values that is not JSON (concatenated mode), up to the end of its line. */
  | { kind: 'garbage'; line: number; text: string }
  /** The end of the input came without the wanted array. */
  | { kind: 'missing' };

const OPEN_OBJ = 123; // {
const CLOSE_OBJ = 125; // }
const OPEN_ARR = 91; // [
const CLOSE_ARR = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const NEWLINE = 10;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

interface Frame {
  array: boolean;
  /** The current key, in an object. */
  key: string | null;
}

/**
 * Finds JSON values in a stream without parsing all of it: the items of the first array at one of
 * `paths` (e.g. `['log', 'entries']` in a HAR; `[]` for a top-level array), or with `paths` null
 * every top-level value of concatenated JSON (`stripe listen --print-json`). Only the piece being
 * found is held, so memory stays bounded by the largest item, not by the file.
 */
export async function* scanJson(chunks: Chunks, paths: ReadonlyArray<readonly string[]> | null): AsyncGenerator<ScanResult> {
  let buf = '';
  let pos = 0;
  let line = 1;
  const stack: Frame[] = [];
  const keyDepth = paths === null ? 0 : Math.max(0, ...paths.map((p) => p.length));
  let inString = false;
  let escaped = false;
  let keyStart = -1;
  let expectKey = false;
  /** Depth of the array whose items are wanted (stack length inside it); -1 before it is found. */
  let target = paths === null ? 0 : -1;
  let itemStart = -1;
  let itemLine = 0;
  let index = 0;
  let garbageStart = -1;
  let garbageLine = 0;
  let done = false;

  const matches = (): boolean => paths !== null && target < 0 && paths.some((p) => p.length === stack.length && stack.every((f, i) => !f.array && f.key === p[i]));

  for await (const chunk of chunks) {
    if (done) continue;
    buf += chunk;
    for (; pos < buf.length; pos++) {
      const c = buf.charCodeAt(pos);
      if (c === NEWLINE) line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (keyStart >= 0) {
            const top = stack.at(-1);
            if (top) top.key = JSON.parse(buf.slice(keyStart, pos + 1)) as string;
            keyStart = -1;
          }
        }
        continue;
      }
      if (garbageStart >= 0) {
        if (c === NEWLINE) {
          yield { kind: 'garbage', line: garbageLine, text: buf.slice(garbageStart, pos).trim() };
          garbageStart = -1;
        }
        continue;
      }
      // Between items of the wanted array (or top-level values): the start of the next one.
      if (stack.length === target && itemStart < 0 && !isSpace(c) && c !== COMMA && !(c === CLOSE_ARR && target > 0)) {
        if (paths === null && c !== OPEN_OBJ && c !== OPEN_ARR) {
          garbageStart = pos;
          garbageLine = line;
          continue;
        }
        itemStart = pos;
        itemLine = line;
      }
      if (c === QUOTE) {
        inString = true;
        if (expectKey && stack.length <= keyDepth && stack.at(-1)?.array === false) keyStart = pos;
        continue;
      }
      if (c === OPEN_OBJ || c === OPEN_ARR) {
        const array = c === OPEN_ARR;
        const wanted = array && matches();
        stack.push({ array, key: null });
        expectKey = !array;
        if (wanted) target = stack.length;
        continue;
      }
      if (c === COLON) expectKey = false;
      else if (c === COMMA) expectKey = stack.at(-1)?.array === false;
      const closes = c === CLOSE_OBJ || c === CLOSE_ARR;
      // A scalar item ends at the comma or bracket after it; a container when its bracket closes.
      if (itemStart >= 0 && stack.length === target && (c === COMMA || closes)) {
        index += 1;
        yield { kind: 'piece', piece: { text: buf.slice(itemStart, pos).trim(), line: itemLine, index } };
        itemStart = -1;
      }
      if (!closes) continue;
      if (stack.length === target && target > 0) {
        // The wanted array is closed: the rest of the file is not read.
        done = true;
        break;
      }
      stack.pop();
      expectKey = false;
      if (itemStart >= 0 && stack.length === target) {
        index += 1;
        yield { kind: 'piece', piece: { text: buf.slice(itemStart, pos + 1), line: itemLine, index } };
        itemStart = -1;
      }
    }
    // Keep only what is still needed: the item being read, a key being read, or a line of garbage.
    const keep = Math.min(...[itemStart, keyStart, garbageStart, pos].filter((n) => n >= 0));
    buf = buf.slice(keep);
    pos -= keep;
    if (itemStart >= 0) itemStart -= keep;
    if (keyStart >= 0) keyStart -= keep;
    if (garbageStart >= 0) garbageStart -= keep;
  }
  if (done) return;
  if (itemStart >= 0) {
    const rest = buf.slice(itemStart).trim();
    // A value cut off by the end of the file: its parse names the problem.
    if (rest !== '') yield { kind: 'piece', piece: { text: rest, line: itemLine, index: index + 1 } };
  } else if (garbageStart >= 0) {
    yield { kind: 'garbage', line: garbageLine, text: buf.slice(garbageStart).trim() };
  }
  if (target < 0) yield { kind: 'missing' };
}
