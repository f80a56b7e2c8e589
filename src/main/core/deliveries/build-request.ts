import { randomUUID } from 'node:crypto';
import type { VerificationConfig } from '../../../shared/domain/verification';
import { signDelivery } from '../verification';

/** What is sent to a destination for one attempt. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: Buffer;
  /** Re-signed requests keep their body in the attempt log (as-received ones are the event's own bytes). */
  resigned: boolean;
}

/** The logged event as a destination needs it. */
export interface EventToForward {
  id: number;
  method: string;
  query: string;
  headers: Array<[string, string]>;
  body: Buffer;
  contentType: string | null;
}

/** Headers that describe one hop, not the message (RFC 9110 §7.6.1), plus what is recomputed. */
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'trailers',
  'transfer-encoding', 'upgrade', 'host', 'content-length', 'expect',
]);

/** The destination URL with the event's query string appended (the destination's own query first). */
export function targetUrl(destinationUrl: string, query: string): URL {
  const url = new URL(destinationUrl);
  if (query) url.search = url.search ? `${url.search.slice(1)}&${query}` : query;
  return url;
}

interface BuildInput {
  event: EventToForward;
  destinationUrl: string;
  attempt: number;
  /** Headers Inlet itself added and that must not leave (the send-test marker). */
  dropHeaders: readonly string[];
  /** Present when the destination re-signs. */
  resign?: { config: VerificationConfig; secret: string; now: number };
}

/**
 * As received: the exact bytes, method, query and headers, minus hop-by-hop ones; `Host` becomes
 * the destination's (Node sets it from the URL) and the original goes to `X-Forwarded-Host`.
 * Re-signed: the same, with the provider's signature headers made afresh over the same bytes.
 */
export function buildRequest(input: BuildInput): OutgoingRequest {
  const { event } = input;
  const url = targetUrl(input.destinationUrl, event.query);
  const drop = new Set(input.dropHeaders.map((h) => h.toLowerCase()));
  let headers = event.headers.filter(([name]) => !HOP_BY_HOP.has(name) && !drop.has(name) && !name.startsWith('x-inlet-'));
  const originalHost = event.headers.find(([name]) => name === 'host')?.[1];
  let body = event.body;
  let path = `${url.pathname}${url.search}`;
  if (input.resign) {
    const signed = signDelivery({
      config: input.resign.config,
      secret: input.resign.secret,
      body,
      now: input.resign.now,
      method: event.method,
      url: path,
      publicUrl: url.toString(),
      id: `msg_${randomUUID().replaceAll('-', '')}`,
      ...(event.contentType ? { contentType: event.contentType } : {}),
    });
    const replaced = new Set(Object.keys(signed.headers).map((h) => h.toLowerCase()));
    headers = [...headers.filter(([name]) => !replaced.has(name)), ...Object.entries(signed.headers).map(([k, v]): [string, string] => [k.toLowerCase(), v])];
    body = signed.body;
    path = signed.url;
  }
  if (originalHost) headers.push(['x-forwarded-host', originalHost]);
  headers.push(['x-inlet-event-id', String(event.id)], ['x-inlet-attempt', String(input.attempt)]);
  return { method: event.method, url: `${url.origin}${path}`, headers, body, resigned: input.resign !== undefined };
}
