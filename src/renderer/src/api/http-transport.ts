import { isPushEventName, pushEvents, type PushMessage } from '../../../shared/api/events';
import type { ApiResult } from '../../../shared/api/result';
import type { Transport } from '../../../shared/api/transport';
import { createSseParser } from './sse-parser';

export type LiveStatus = 'connecting' | 'live' | 'offline';

/** The HTTP transport adds what IPC does not need: auth failure and push-stream status. */
export interface HttpTransport extends Transport {
  onStatus(listener: (status: LiveStatus) => void): () => void;
}

export interface HttpTransportOptions {
  token: string;
  /** Called once the host rejects the token (401), for calls and the stream alike. */
  onUnauthorized(): void;
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Reconnect backoff bounds in ms. */
  retryMinMs?: number;
  retryMaxMs?: number;
}

const unreachable = (error: unknown): ApiResult<never> => ({
  ok: false,
  error: {
    code: 'internal',
    message: `Cannot reach the Inlet host (${error instanceof Error ? error.message : String(error)}). Is "npm run serve" still running?`,
  },
});

const isApiResult = (v: unknown): v is ApiResult<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';

/** Turns one SSE event into a push message, dropping names and payloads the contract doesn't know. */
export function toPushMessage(event: string, data: string): PushMessage | null {
  if (!isPushEventName(event)) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = pushEvents[event].safeParse(json);
  return parsed.success ? ({ name: event, payload: parsed.data } as PushMessage) : null;
}

/**
 * The answer decoded chunk by chunk as it arrives: `res.json()` decodes a multi-megabyte answer
 * (an event with a large body) in one task on the UI thread, a visible freeze.
 */
async function readJson(res: Response): Promise<unknown> {
  if (!res.body) return res.json();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return JSON.parse(parts.join(''));
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl ?? '';
  const auth = { authorization: `Bearer ${options.token}` };
  const listeners = new Set<(m: PushMessage) => void>();
  const statusListeners = new Set<(s: LiveStatus) => void>();
  let status: LiveStatus = 'offline';
  let abort: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryMs = options.retryMinMs ?? 500;
  let unauthorized = false;

  const setStatus = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    statusListeners.forEach((l) => l(next));
  };
  const rejectToken = () => {
    if (unauthorized) return;
    unauthorized = true;
    stopStream();
    options.onUnauthorized();
  };

  async function readStream(signal: AbortSignal): Promise<void> {
    const res = await doFetch(`${base}/api/events`, { headers: { ...auth, accept: 'text/event-stream' }, signal, cache: 'no-store' });
    if (res.status === 401) return rejectToken();
    if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
    setStatus('live');
    retryMs = options.retryMinMs ?? 500;
    const parser = createSseParser(({ event, data }) => {
      const message = toPushMessage(event, data);
      if (message) listeners.forEach((l) => l(message));
    });
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) throw new Error('event stream ended');
      parser.push(value);
    }
  }

  function startStream() {
    if (abort || unauthorized) return;
    const controller = new AbortController();
    abort = controller;
    setStatus('connecting');
    readStream(controller.signal).catch(() => {
      if (abort !== controller) return;
      abort = null;
      setStatus('offline');
      // Retry with backoff while anyone still listens; the host may be restarting.
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (listeners.size > 0) startStream();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, options.retryMaxMs ?? 10_000);
    });
  }

  function stopStream() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    abort?.abort();
    abort = null;
    setStatus('offline');
  }

  return {
    async invoke(method, input) {
      let res: Response;
      try {
        res = await doFetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
        });
      } catch (error) {
        return unreachable(error);
      }
      if (res.status === 401) rejectToken();
      let body: unknown;
      try {
        body = await readJson(res);
      } catch {
        body = undefined;
      }
      if (isApiResult(body)) return body;
      return { ok: false, error: { code: 'internal', message: `The host answered ${res.status} without a result.` } };
    },
    subscribe(listener) {
      listeners.add(listener);
      startStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopStream();
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
  };
}
