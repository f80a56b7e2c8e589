import type { Socket } from 'node:net';
import type { Interruptible } from './read-body';
import { rawAnswer } from './minimal-record';

/** What the receiver tracks per open connection (not per request: the hot path stays allocation-free). */
export interface ConnectionState extends Interruptible {
  /** Requests started on this connection; the latest one's number. */
  started: number;
  /** The number of the latest request answered. */
  answered: number;
  /** Node's parser rejected what followed request `seq` while it was still unanswered: answer this instead. */
  rejection: { seq: number; status: number; error: string } | null;
}

export interface ConnectionLimits {
  maxConnections: number;
  /** Per remote address; the loopback address (the tunnel, local tools) is bound by the total only. */
  maxConnectionsPerAddress: number;
}

/**
 * Caps concurrent connections in total and per remote address. A connection over a cap is answered
 * 503 at once and closed, before any request on it is read; `onRefused` logs it.
 */
export function createConnectionGuard(limits: ConnectionLimits, onRefused: (remoteAddress: string | null, reason: string) => void) {
  const states = new WeakMap<Socket, ConnectionState>();
  const perAddress = new Map<string, number>();
  let open = 0;

  const refuse = (socket: Socket, reason: string) => {
    onRefused(socket.remoteAddress ?? null, reason);
    socket.on('error', () => undefined);
    socket.end(rawAnswer(503, 'Service Unavailable', { ok: false, error: reason }, 'Retry-After: 5\r\n'));
    socket.once('finish', () => socket.destroy());
  };

  return {
    onConnection(socket: Socket): void {
      const address = socket.remoteAddress ?? '';
      const capped = !LOOPBACK.has(address);
      const fromAddress = capped ? (perAddress.get(address) ?? 0) : 0;
      if (open >= limits.maxConnections) {
        return refuse(socket, `Too many open connections (limit ${limits.maxConnections}); retry later`);
      }
      if (capped && fromAddress >= limits.maxConnectionsPerAddress) {
        return refuse(socket, `Too many open connections from ${address} (limit ${limits.maxConnectionsPerAddress}); retry later`);
      }
      open += 1;
      if (capped) perAddress.set(address, fromAddress + 1);
      states.set(socket, { started: 0, answered: 0, rejection: null, interrupt: null });
      socket.once('close', () => {
        open -= 1;
        if (!capped) return;
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left === 0) perAddress.delete(address);
        else perAddress.set(address, left);
      });
    },
    /** Undefined for a refused connection: nothing on it is handled. */
    stateOf(socket: Socket): ConnectionState | undefined {
      return states.get(socket);
    },
    get open(): number {
      return open;
    },
  };
}
export type ConnectionGuard = ReturnType<typeof createConnectionGuard>;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
