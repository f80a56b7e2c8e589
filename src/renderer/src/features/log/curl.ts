import type { EventDetail } from '../../../../shared/domain/event';

type CurlSource = Pick<EventDetail, 'method' | 'path' | 'query' | 'headers' | 'bodyText' | 'bodyBase64' | 'bodySize'>;

/**
 * Headers curl must not be told: it derives them from the URL and the body it sends, and a stale
 * copy (a tunnel's Host, a chunked encoding, an upgrade) would change how the request is framed.
 */
const DERIVED = new Set(['host', 'content-length', 'transfer-encoding', 'expect', 'te', 'upgrade']);

/** Headers curl adds on its own; an empty `-H 'Name:'` stops it where the original had none. */
const CURL_DEFAULTS = ['user-agent', 'accept'] as const;

/** POSIX single-quoting: safe for any byte except NUL, which argv cannot carry anyway. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A body goes inline only when the shell can carry it verbatim. */
const inlineable = (text: string): boolean => !text.includes('\0');

/**
 * A curl command that sends the logged request again, byte for byte: same method, path, query,
 * headers (order and repeats kept) and body. Binary bodies are decoded from base64 on stdin.
 */
export function buildCurl(event: CurlSource, receiverUrl: string): string {
  const url = `${receiverUrl.replace(/\/+$/, '')}${event.path}${event.query ? `?${event.query}` : ''}`;
  const hasBody = event.bodySize > 0;
  const binary = hasBody && (event.bodyText === null || !inlineable(event.bodyText));
  const names = new Set(event.headers.map(([name]) => name.toLowerCase()));

  const args: string[] = [`curl -sS -X ${event.method.toUpperCase()} ${shellQuote(url)}`];
  for (const [name, value] of event.headers) {
    if (!DERIVED.has(name.toLowerCase())) args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  for (const name of CURL_DEFAULTS) if (!names.has(name)) args.push(`-H ${shellQuote(`${name}:`)}`);
  if (hasBody) {
    // Without a content-type of its own, curl would label the body as a form.
    if (!names.has('content-type')) args.push(`-H ${shellQuote('content-type:')}`);
    // curl asks for "100-continue" on large bodies, which would add a header the original lacked.
    args.push(`-H ${shellQuote('expect:')}`);
    // --data-raw sends the text as is (no "@file" reading, no newline stripping).
    args.push(binary ? '--data-binary @-' : `--data-raw ${shellQuote(event.bodyText ?? '')}`);
  }
  const command = args.join(' \\\n  ');
  if (binary) return `printf '%s' ${shellQuote(event.bodyBase64)} | base64 --decode | ${command}`;
  return command;
}
