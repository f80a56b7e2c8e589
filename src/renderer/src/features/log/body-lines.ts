import { prettyJson } from './pretty-json';

/**
 * A minified body is one line of megabytes; the body view draws fixed-height rows, so a long line
 * is cut into rows of this many characters (the copy and the download keep the body whole).
 */
export const ROW_CHARS = 400;

/** Bodies longer than this are formatted off the main thread and drawn row by row. */
export const LARGE_BODY_CHARS = 100_000;

/** Where each drawn row starts in `text`: at every line start, and every ROW_CHARS within a long line. */
export function rowStarts(text: string, rowChars = ROW_CHARS): Uint32Array {
  const starts: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    for (let at = lineStart; at < lineEnd || at === lineStart; at += rowChars) starts.push(at);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return Uint32Array.from(starts);
}

/** Row `index` of `text`, without its line break. */
export function rowText(text: string, starts: Uint32Array, index: number): string {
  const start = starts[index] ?? text.length;
  const end = starts[index + 1] ?? text.length;
  return text.slice(start, text[end - 1] === '\n' ? end - 1 : end);
}

/** A body ready to draw: the pretty JSON (null when it is not JSON) and the rows of both forms. */
export interface FormattedBody {
  pretty: string | null;
  prettyStarts: Uint32Array | null;
  rawStarts: Uint32Array;
}

export function formatBody(text: string): FormattedBody {
  const pretty = prettyJson(text);
  return { pretty, prettyStarts: pretty === null ? null : rowStarts(pretty), rawStarts: rowStarts(text) };
}
