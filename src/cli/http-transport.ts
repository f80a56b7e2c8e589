import { request } from 'node:http';
import type { PushMessage } from '../shared/api/events';
import type { ApiResult } from '../shared/api/result';
import type { Transport } from '../shared/api/transport';

const isApiResult = (v: unknown): v is ApiResult<unknown> => typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';

type PushEventsModule = typeof import('../shared/api/events');

/** One SSE block (`event: …\ndata: …`) as a push message the contract knows, else null. */
function toPushMessage({ isPushEventName, pushEvents }: PushEventsModule, block: string): PushMessage | null {
  let event = '';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (!isPushEventName(event)) return null;
  try {
    const parsed = pushEvents[event].safeParse(JSON.parse(data.join('\n')));
    return parsed.success ? ({ name: event, payload: parsed.data } as PushMessage) : null;
  } catch {
    return null;
  }
}

/**
 * One control API call over node:http, not fetch: fetch's first use loads undici, its web streams
 * and a WebAssembly HTTP parser, more than the rest of an attached command's start (see
 * cold-start.test.ts). The global agent keeps the connection for the command's next call, and an
 * idle kept socket never holds the process open.
 */
function postJson(url: string, headers: Record<string, string>, body: string, retried = false): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept connection the host closed while idle (a long `listen`): the request never reached it, so it is sent once more.
      if (req.reusedSocket && error.code === 'ECONNRESET' && !retried) postJson(url, headers, body, true).then(resolve, reject);
      else reject(error);
    });
    req.end(body);
  });
}

export interface CliHttpTransport extends Transport {
  /** Whether the push stream is connected, for "reconnected" messages. */
  onStreamChange(listener: (connected: boolean) => void): void;
}

/**
 * The control API of a running host over HTTP (`POST /api/<method>`, `GET /api/events` as SSE),
 * reconnecting the stream with backoff while anyone listens (the host may restart, the laptop sleep).
 */
export function createCliHttpTransport(baseUrl: string, token: string): CliHttpTransport {
  const auth = { authorization: `Bearer ${token}` };
  const listeners = new Set<(m: PushMessage) => void>();
  const streamListeners = new Set<(connected: boolean) => void>();
  let abort: AbortController | null = null;

  async function readStream(signal: AbortSignal): Promise<void> {
    // The push events' schemas (all of the domain's) load only for a command that listens.
    const events = await import('../shared/api/events');
    const res = await fetch(`${baseUrl}/api/events`, { headers: { ...auth, accept: 'text/event-stream' }, signal });
    if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
    streamListeners.forEach((l) => l(true));
    let buffer = '';
    for await (const chunk of res.body.pipeThrough(new TextDecoderStream())) {
      buffer += chunk.replace(/\r\n/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = toPushMessage(events, buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (message) listeners.forEach((l) => l(message));
      }
    }
  }

  async function stream(controller: AbortController): Promise<void> {
    let retryMs = 250;
    while (!controller.signal.aborted) {
      await readStream(controller.signal).catch(() => {});
      if (controller.signal.aborted) return;
      streamListeners.forEach((l) => l(false));
      await new Promise((r) => setTimeout(r, retryMs));
      retryMs = Math.min(retryMs * 2, 5_000);
    }
  }

  return {
    async invoke(method, input) {
      let answer: { status: number; text: string };
      try {
        answer = await postJson(`${baseUrl}/api/${encodeURIComponent(method)}`, auth, JSON.stringify(input ?? {}));
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `Cannot reach the running Inlet at ${baseUrl} (${error instanceof Error ? error.message : String(error)})` } };
      }
      let body: unknown;
      try {
        body = JSON.parse(answer.text);
      } catch {
        body = undefined;
      }
      if (isApiResult(body)) return body;
      return { ok: false, error: { code: 'internal', message: `The running Inlet answered ${answer.status} without a result` } };
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!abort) {
        abort = new AbortController();
        void stream(abort);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          abort?.abort();
          abort = null;
        }
      };
    },
    onStreamChange(listener) {
      streamListeners.add(listener);
    },
  };
}
