import type { CaptureFormat } from './entry';
import { REQUEST_LINE } from './raw-http';

/** How a format's entries are laid out in the file, decided from its first bytes. */
export type Layout =
  | { kind: 'lines' }
  /** Items of the first array at one of these key paths. */
  | { kind: 'list'; paths: string[][] }
  /** Concatenated (or single) JSON values. */
  | { kind: 'values' }
  /** Read whole (bounded): shell commands. */
  | { kind: 'text' }
  | { kind: 'http' };

/** `redacted`: the file says (before its entries) that a redacting export changed them all. */
export type Detection = { ok: true; format: CaptureFormat; layout: Layout; redacted?: boolean } | { ok: false; error: string };

const BUNDLE_HEAD = /^\{\s*"format"\s*:\s*"inlet\.bundle"/;

/** An Inlet bundle's captures are its `events`; a log slice writes `"redacted"` before them. */
function bundleDetection(text: string): Detection {
  const events = text.search(/"events"\s*:/);
  const head = events < 0 ? text : text.slice(0, events);
  return { ok: true, format: 'inlet', layout: { kind: 'list', paths: [['events']] }, redacted: /"redacted"\s*:\s*true/.test(head) };
}

const firstLine = (text: string): string => text.split(/\r?\n/, 1)[0] ?? '';
const parses = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The format of a capture from its first bytes (64 KB is plenty); `format` forces one and picks its layout. */
export function detectFormat(head: string, format?: CaptureFormat): Detection {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text === '') return { ok: false, error: 'There is nothing to import: the text is empty.' };
  const meaningful = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('//')) ?? '';
  if (format === 'curl' || (!format && /^(\S*[\\/])?curl(\.exe)?\s/i.test(meaningful.trim()))) return { ok: true, format: 'curl', layout: { kind: 'text' } };
  if (format === 'http' || (!format && (REQUEST_LINE.test(meaningful.trim()) || meaningful.startsWith('###')))) return { ok: true, format: 'http', layout: { kind: 'http' } };
  if (!text.startsWith('{') && !text.startsWith('[')) {
    if (format) return { ok: false, error: `This does not look like ${format} (it should start with “{” or “[”).` };
    return { ok: false, error: 'Inlet cannot tell what this is. It reads cURL commands, raw HTTP requests, HAR files, JSON Lines of {headers, body}, Stripe events and its own export.' };
  }
  if ((!format || format === 'inlet') && BUNDLE_HEAD.test(text)) return bundleDetection(text);
  // One complete object on a line (of the first few, one may be damaged): JSON Lines.
  const lines = text.split(/\r?\n/, 4).slice(0, text.length > 64 * 1024 - 1 ? 3 : 4);
  const lineObject = lines.map((l) => parses(l)).find(isObject) ?? null;
  if (format === 'har' || (!format && /"log"\s*:\s*\{/.test(text) && /"(entries|creator|version)"\s*:/.test(text))) return { ok: true, format: 'har', layout: { kind: 'list', paths: [['log', 'entries'], ['entries']] } };
  const stripeEvent = /"object"\s*:\s*"event"/.test(text);
  if (format === 'stripe' || (!format && (lineObject ? lineObject.object === 'event' || lineObject.object === 'list' : stripeEvent))) {
    if (text.startsWith('[')) return { ok: true, format: 'stripe', layout: { kind: 'list', paths: [[]] } };
    if (lineObject?.object === 'event') return { ok: true, format: 'stripe', layout: { kind: 'lines' } };
    const list = lineObject ? lineObject.object === 'list' : /^\{\s*"object"\s*:\s*"list"/.test(text) || (/"data"\s*:\s*\[/.test(text) && !/^\{\s*"id"\s*:\s*"evt_/.test(text));
    return { ok: true, format: 'stripe', layout: list ? { kind: 'list', paths: [['data']] } : { kind: 'values' } };
  }
  if (format !== 'jsonl' && text.startsWith('[')) return { ok: true, format: 'inlet', layout: { kind: 'list', paths: [[]] } };
  if (format !== 'jsonl' && /^\{\s*"items"\s*:\s*\[/.test(text)) return { ok: true, format: 'inlet', layout: { kind: 'list', paths: [['items']] } };
  if (format === 'jsonl' || (!format && lineObject !== null && (text.length > firstLine(text).length || !text.includes('\n')))) return { ok: true, format: 'jsonl', layout: { kind: 'lines' } };
  return { ok: true, format: lineObject ? 'jsonl' : 'inlet', layout: lineObject ? { kind: 'lines' } : { kind: 'values' } };
}
