import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
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

/** `agent`: the destination's pool of kept-alive connections (absent: a connection of its own). */
export type Sender = (request: OutgoingRequest, timeoutMs: number, agent?: HttpAgent) => Promise<SendResult>;

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

/**
 * The request's header lines as Node takes them raw (name, value, name, value…): sent in this order,
 * repeated names as several lines, without building Node's header map. Given raw, Node adds no
 * `Host`, so it is set here from the URL (with the port when it is not the scheme's default).
 */
function outgoingHeaders(pairs: ReadonlyArray<[string, string]>, host: string, bodyLength: number): string[] {
  const out = ['host', host];
  for (const [name, value] of pairs) out.push(name, value);
  out.push('content-length', String(bodyLength));
  return out;
}

/** Repeated answer headers joined with ", " (as Node's `res.headers` does), names in lower case. */
function flatten(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const existing = out[name];
    out[name] = existing === undefined ? raw[i + 1]! : `${existing}, ${raw[i + 1]!}`;
  }
  return out;
}

/**
 * One HTTP request with node:http (which, unlike fetch, sends the bytes and header order as given).
 * A kept-alive connection the app closed while idle (its keep-alive timeout) breaks on reuse before
 * any answer: that is not the app failing, so the request goes once more on a fresh connection.
 */
export const httpSender: Sender = async (req, timeoutMs, agent) => {
  const started = performance.now();
  const first = await sendOnce(req, timeoutMs, agent, started);
  if (first !== 'stale-socket') return first;
  const fresh = await sendOnce(req, timeoutMs, undefined, started);
  // A connection of its own is never a reused one.
  return fresh === 'stale-socket' ? { status: null, headers: {}, body: '', truncated: false, latencyMs: 0, failure: 'network', error: 'connection reset before the app answered' } : fresh;
};

function sendOnce(req: OutgoingRequest, timeoutMs: number, agent: HttpAgent | undefined, started: number): Promise<SendResult | 'stale-socket'> {
  return new Promise((resolve) => {
    const url = new URL(req.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const done = (r: Omit<SendResult, 'latencyMs'> | 'stale-socket') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r === 'stale-socket' ? r : { ...r, latencyMs: Math.round(performance.now() - started) });
    };
    const fail = (failure: SendResult['failure'], error: string) => done({ status: null, headers: {}, body: '', truncated: false, failure, error });
    const options = {
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      method: req.method,
      headers: outgoingHeaders(req.headers, url.host, req.body.length),
      agent: agent ?? false,
    };
    const outgoing = send(options, (res) => {
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
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: flatten(res), body: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'), truncated, failure: null, error: null }));
      res.on('error', (error) => fail('network', `the answer broke off: ${error.message}`));
    });
    const timer = setTimeout(() => {
      fail('timeout', `timeout after ${seconds(timeoutMs)}`);
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException & { hostname?: string }) => {
      if (outgoing.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) return done('stale-socket');
      const described = describeNetworkError(error);
      fail(described.failure, described.error);
    });
    outgoing.end(req.body);
  });
}

/**
 * Kept-alive connections per destination, at most its concurrency: a backlog goes out over a few
 * warm sockets instead of a TCP handshake (and a TIME_WAIT port) per delivery. A destination that
 * is paused, changed or removed lets its connections go; requests still on them finish first.
 */
export function createAgentPool() {
  const agents = new Map<string, { agent: HttpAgent; key: string }>();
  const retire = (agent: HttpAgent) => {
    // Sockets in use close as their answers end, instead of going back to the pool.
    agent.on('free', (socket: Socket) => socket.destroy());
    for (const list of Object.values(agent.freeSockets)) for (const socket of list ?? []) socket.destroy();
  };
  return {
    agentFor(destinationId: string, url: string, maxSockets: number): HttpAgent {
      const https = url.startsWith('https:');
      const key = `${https ? 's' : 'p'}${maxSockets}`;
      const found = agents.get(destinationId);
      if (found?.key === key) return found.agent;
      if (found) retire(found.agent);
      const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' as const };
      const agent = https ? new HttpsAgent(options) : new HttpAgent(options);
      agents.set(destinationId, { agent, key });
      return agent;
    },
    /** The destination's connections close once idle (paused, changed or removed). */
    release(destinationId: string): void {
      const found = agents.get(destinationId);
      if (found) retire(found.agent);
      agents.delete(destinationId);
    },
    releaseAll(): void {
      for (const { agent } of agents.values()) retire(agent);
      agents.clear();
    },
    /** The core closes: every connection now (unrecorded attempts are sent again at the next start). */
    destroyAll(): void {
      for (const { agent } of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
export type AgentPool = ReturnType<typeof createAgentPool>;

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
