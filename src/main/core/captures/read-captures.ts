import { fromCaptureObject, parseJson } from './capture-object';
import { fromCurlText } from './curl';
import { detectFormat, type Layout } from './detect';
import type { CaptureEntry, CaptureFormat, Chunks, Where } from './entry';
import { fromHarEntry } from './har';
import { peek, readAll, readLines } from './lines';
import { fromRawHttp } from './raw-http';
import { scanJson } from './json-scan';
import { fromStripeEvent } from './stripe';

/** cURL pastes are read whole; a file of commands this big is not a paste. */
const MAX_TEXT = 32 * 1024 * 1024;

const FROM_VALUE: Partial<Record<CaptureFormat, (value: unknown, at: Where) => CaptureEntry>> = {
  inlet: fromCaptureObject,
  jsonl: fromCaptureObject,
  har: fromHarEntry,
  stripe: fromStripeEvent,
};

export type ReadStart = { ok: true; format: CaptureFormat; entries: AsyncGenerator<CaptureEntry> } | { ok: false; error: string };

/**
 * Captured requests from a text stream in any supported format, detected from its first bytes
 * unless given. Each entry is read, checked and handed on one at a time: a bad one is an error
 * entry (with its line or position) and reading goes on.
 */
export async function readCaptures(chunks: Chunks, format?: CaptureFormat): Promise<ReadStart> {
  const { head, all } = await peek(chunks);
  const detected = detectFormat(head, format);
  if (!detected.ok) return detected;
  return { ok: true, format: detected.format, entries: entriesOf(all, detected.format, detected.layout, detected.redacted === true) };
}

/**
 * A redacting Inlet bundle marks each event it changed; one written before events said so is
 * marked as a whole, and its events that don't say are taken as redacted.
 */
const markedUnlessSaid = (value: unknown, at: Where): CaptureEntry =>
  fromCaptureObject(typeof value === 'object' && value !== null && !('redacted' in value) ? { ...value, redacted: true } : value, at);

async function* entriesOf(chunks: AsyncIterable<string>, format: CaptureFormat, layout: Layout, redacted: boolean): AsyncGenerator<CaptureEntry> {
  if (layout.kind === 'http') return yield* fromRawHttp(chunks);
  if (layout.kind === 'text') {
    const text = await readAll(chunks, MAX_TEXT);
    if (text === null) return yield { kind: 'error', at: { line: 1 }, error: `is more than ${MAX_TEXT / 1024 / 1024} MB of commands; split the file.` };
    return yield* fromCurlText(text);
  }
  const fromValue = redacted ? markedUnlessSaid : (FROM_VALUE[format] ?? fromCaptureObject);
  if (layout.kind === 'lines') {
    for await (const { text, line } of readLines(chunks)) {
      if (text.trim() === '') continue;
      const at = { line };
      const parsed = parseJson(text);
      // Inlet's JSON Lines export opens with its metadata (`{"inlet": …}`), not a request.
      if (line === 1 && parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && 'inlet' in parsed.value && !('body' in parsed.value)) continue;
      yield parsed.ok ? fromValue(parsed.value, at) : { kind: 'error', at, error: parsed.error };
    }
    return;
  }
  const list = layout.kind === 'list';
  for await (const found of scanJson(chunks, list ? layout.paths : null)) {
    if (found.kind === 'missing') {
      if (list) yield { kind: 'error', at: { line: 1 }, error: `has no list of entries where ${format === 'har' ? 'a HAR keeps them (log.entries)' : 'expected'}.` };
      continue;
    }
    if (found.kind === 'garbage') {
      yield { kind: 'error', at: { line: found.line }, error: `is not JSON (“${found.text.slice(0, 40)}”).` };
      continue;
    }
    const at: Where = list ? { entry: found.piece.index } : { line: found.piece.line };
    const parsed = parseJson(found.piece.text);
    yield parsed.ok ? fromValue(parsed.value, at) : { kind: 'error', at, error: parsed.error };
  }
}
