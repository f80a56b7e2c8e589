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
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        return { ok: false, error: { code: 'internal', message: `Cannot reach the running Inlet at ${baseUrl} (${cause})` } };
      }
      const body: unknown = await res.json().catch(() => undefined);
      if (isApiResult(body)) return body;
      return { ok: false, error: { code: 'internal', message: `The running Inlet answered ${res.status} without a result` } };
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
