/**
 * How deep a payload may nest before Inlet stops treating it as a structure. Every walker over a
 * payload (mapping context, sandbox transfer, tree, pretty printer) recurses, and a sender chooses
 * the depth: past this limit the body stays bytes only, logged as sent with a parse error.
 */
export const MAX_JSON_DEPTH = 512;

export const tooDeepMessage = (limit = MAX_JSON_DEPTH): string => `nested deeper than ${limit} levels`;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * True when JSON text opens more than `limit` arrays or objects at once. One pass over the bytes,
 * before any parse: brackets inside strings don't count. It judges nesting only, not validity —
 * malformed text is left to `JSON.parse` to refuse. UTF-8 continuation bytes are all ≥ 0x80, so
 * they can never be mistaken for the ASCII marks tracked here.
 */
export function nestedDeeperThan(bytes: Uint8Array, limit = MAX_JSON_DEPTH): boolean {
  // Each level needs its own opening byte: short text cannot be too deep.
  if (bytes.length <= limit) return false;
  const end = bytes.length;
  let depth = 0;
  let i = 0;
  while (i < end) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      i = stringEnd(bytes, i + 1);
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
      depth--;
    }
    i++;
  }
  return false;
}

/** Strings this short are walked byte by byte; past it, a native search for the closing quote wins. */
const SHORT_STRING = 32;

/** The index of the quote closing a string whose content starts at `from` (or the end). */
function stringEnd(bytes: Uint8Array, from: number): number {
  const end = bytes.length;
  const stop = Math.min(end, from + SHORT_STRING);
  let i = from;
  for (; i < stop; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) return i;
    if (b === BACKSLASH) i++;
  }
  while (i < end) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote < 0) return end;
    // The quote is escaped when an odd run of backslashes precedes it; each run is counted once.
    let slashes = 0;
    for (let j = quote - 1; j >= from && bytes[j] === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return quote;
    i = quote + 1;
  }
  return end;
}

const encoder = new TextEncoder();

/** The same check for text already decoded (a result, a pasted or displayed body). */
export const textNestedDeeperThan = (text: string, limit = MAX_JSON_DEPTH): boolean =>
  text.length > limit && nestedDeeperThan(encoder.encode(text), limit);
