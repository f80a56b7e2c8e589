import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PushMessage } from '../../shared/api/events';

/** Formats one push message as a Server-Sent Event; JSON never contains a raw newline. */
export const formatSseEvent = (message: PushMessage): string =>
  `event: ${message.name}\ndata: ${JSON.stringify(message.payload)}\n\n`;

export interface SseOptions {
  subscribe(listener: (message: PushMessage) => void): () => void;
  /** Keeps proxies and idle timers from closing a quiet stream. */
  pingIntervalMs: number;
  /** Called once when the stream ends, for whoever tracks open streams. */
  onClose(): void;
}

/** Streams push events to one client until it disconnects. */
export function openSseStream(req: IncomingMessage, res: ServerResponse, options: SseOptions): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  // A first comment lets the client know the stream is live before any event happens.
  res.write(': connected\n\n');

  const unsubscribe = options.subscribe((message) => {
    res.write(formatSseEvent(message));
  });
  const ping = setInterval(() => res.write(': ping\n\n'), options.pingIntervalMs);
  ping.unref();

  let closed = false;
  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    unsubscribe();
    options.onClose();
  };
  req.on('close', cleanup);
  res.on('close', cleanup);
}
