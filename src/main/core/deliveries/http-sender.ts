import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import type { OutgoingRequest } from './build-request';

/** Bytes of an answer kept in the attempt log. */
export const ANSWER_KEEP_BYTES = 64 * 1024;

export interface SendResult {
  status: number | null;
  headers: Record<string, string>;
  body: string;
  truncated: boolean;
  latencyMs: number;
  failure: 'refused' | 'timeout' | 'network' | null;
  /** A sentence: "connection refused", "timeout after 30 s", "TLS error: …". */
  error: string | null;
}

export type Sender = (request: OutgoingRequest, timeoutMs: number) => Promise<SendResult>;

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

/** A network error in words a developer recognises. */
export function describeNetworkError(error: NodeJS.ErrnoException & { hostname?: string }): { failure: 'refused' | 'network'; error: string } {
  switch (error.code) {
    case 'ECONNREFUSED':
      return { failure: 'refused', error: 'connection refused' };
    case 'ECONNRESET':
      return { failure: 'network', error: 'connection reset before the app answered' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { failure: 'network', error: `host not found (${error.hostname ?? 'DNS'})` };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { failure: 'network', error: 'host unreachable' };
  }
  if (error.code?.startsWith('ERR_TLS') || error.code?.includes('CERT') || /SSL|TLS|certificate/i.test(error.message)) {
    return { failure: 'network', error: `TLS error: ${error.message}` };
  }
  return { failure: 'network', error: error.message || String(error.code) };
}

/** Headers with repeated names joined the way Node sends them (as several header lines). */
function outgoingHeaders(pairs: ReadonlyArray<[string, string]>, bodyLength: number): OutgoingHttpHeaders {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else out[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  out['content-length'] = String(bodyLength);
  return out;
}

function flatten(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** One HTTP request with node:http (which, unlike fetch, sends the bytes and header order as given). */
export const httpSender: Sender = (req, timeoutMs) =>
  new Promise((resolve) => {
    const started = performance.now();
    const url = new URL(req.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const done = (r: Omit<SendResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, latencyMs: Math.round(performance.now() - started) });
    };
    const fail = (failure: SendResult['failure'], error: string) => done({ status: null, headers: {}, body: '', truncated: false, failure, error });
    const outgoing = send(url, { method: req.method, headers: outgoingHeaders(req.headers, req.body.length), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let truncated = false;
      res.on('data', (chunk: Buffer) => {
        if (kept >= ANSWER_KEEP_BYTES) return void (truncated = true);
        const part = chunk.subarray(0, ANSWER_KEEP_BYTES - kept);
        if (part.length < chunk.length) truncated = true;
        chunks.push(part);
        kept += part.length;
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: flatten(res), body: Buffer.concat(chunks).toString('utf8'), truncated, failure: null, error: null }));
      res.on('error', (error) => fail('network', `the answer broke off: ${error.message}`));
    });
    const timer = setTimeout(() => {
      fail('timeout', `timeout after ${seconds(timeoutMs)}`);
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException & { hostname?: string }) => {
      const described = describeNetworkError(error);
      fail(described.failure, described.error);
    });
    outgoing.end(req.body);
  });

/** Whether something accepts TCP connections at the URL's host and port (the probe of a held destination). */
export function probeUrl(target: string, timeoutMs = 2_000): Promise<boolean> {
  const url = new URL(target);
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
