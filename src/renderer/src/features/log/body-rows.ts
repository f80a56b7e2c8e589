import { prettyJson } from './pretty-json';

/**
 * A minified body is one line of megabytes; the body view draws fixed-height rows, so a long line
 * is cut into rows of about this many characters (the copy and the download keep the body whole).
 */
export const ROW_CHARS = 400;

/** Bodies longer than this (in characters, or bytes before they arrive) are prepared off the UI thread and drawn row by row. */
export const LARGE_BODY_CHARS = 100_000;

/**
 * A large body as UTF-8 bytes and where each drawn row starts in them. The UI thread decodes only
 * the rows on screen, so holding or scrolling megabytes costs what one screen costs; the bytes
 * cross from the worker by transfer, without a copy.
 */
export interface BodyRows {
  bytes: Uint8Array;
  starts: Uint32Array;
}

/** A large body ready to draw: its rows as sent (base64 when binary), pretty JSON's rows, and the file to save. */
export interface LargeBody {
  kind: 'text' | 'binary';
  raw: BodyRows;
  pretty: BodyRows | null;
  /** The body byte for byte. */
  file: Blob;
}

const NEWLINE = 0x0a;

/** Row starts over UTF-8: at every line start, and every `rowBytes` within a long line, never inside a character. */
export function byteRowStarts(bytes: Uint8Array, rowBytes = ROW_CHARS): Uint32Array {
  const starts: number[] = [];
  let lineStart = 0;
  for (;;) {
    const newline = bytes.indexOf(NEWLINE, lineStart);
    const lineEnd = newline === -1 ? bytes.length : newline;
    starts.push(lineStart);
    let at = lineStart + rowBytes;
    while (at < lineEnd) {
      // Continuation bytes are 10xxxxxx: step back to the character's first byte.
      while (at > lineStart && ((bytes[at] ?? 0) & 0xc0) === 0x80) at--;
      starts.push(at);
      at += rowBytes;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return Uint32Array.from(starts);
}

const decoder = new TextDecoder();

export const rowCount = (rows: BodyRows): number => rows.starts.length;

/** Row `index` as text, without its line break. */
export function bodyRowText(rows: BodyRows, index: number): string {
  const start = rows.starts[index] ?? rows.bytes.length;
  let end = rows.starts[index + 1] ?? rows.bytes.length;
  if (end > start && rows.bytes[end - 1] === NEWLINE) end--;
  return decoder.decode(rows.bytes.subarray(start, end));
}

export function toRows(text: string): BodyRows {
  const bytes = new TextEncoder().encode(text);
  return { bytes, starts: byteRowStarts(bytes) };
}

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Builds a large body from what events.get gives: text (JSON pretty-printed too) or base64 for a binary one. */
export function largeBodyOf(bodyText: string | null, bodyBase64: string): LargeBody {
  if (bodyText === null) {
    return { kind: 'binary', raw: toRows(bodyBase64), pretty: null, file: new Blob([base64Bytes(bodyBase64) as Uint8Array<ArrayBuffer>]) };
  }
  const raw = toRows(bodyText);
  const pretty = prettyJson(bodyText);
  return { kind: 'text', raw, pretty: pretty === null ? null : toRows(pretty), file: new Blob([raw.bytes as Uint8Array<ArrayBuffer>]) };
}

/**
 * The whole text of `bytes`, decoded a slice per task so no single task holds the UI thread for
 * the whole body; used where a command needs the body as a string (copy, cURL, edit and replay).
 */
export async function decodeInSlices(bytes: Uint8Array, signal: AbortSignal, sliceBytes = 256 * 1024): Promise<string> {
  const streaming = new TextDecoder();
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += sliceBytes) {
    await nextTask();
    if (signal.aborted) throw signal.reason;
    parts.push(streaming.decode(bytes.subarray(at, at + sliceBytes), { stream: true }));
  }
  parts.push(streaming.decode());
  await nextTask();
  return parts.join('');
}

/** A fresh task (not a microtask), so rendering and input run between slices. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
