import type { Transport } from '../../../shared/api/transport';
import { createHttpTransport, type HttpTransport } from './http-transport';
import { allowOffThreadCalls } from './off-thread';
import { forgetToken, takeToken } from './token';

export type Connection =
  | { kind: 'ipc'; transport: Transport }
  | { kind: 'http'; transport: HttpTransport }
  | { kind: 'no-token' };

/** The Electron preload exposes a Transport as `window.inlet`; checked by shape, not trusted by type. */
const bridgeOf = (win: Window): Transport | null => {
  const candidate = (win as unknown as { inlet?: unknown }).inlet;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { invoke, subscribe } = candidate as Partial<Transport>;
  return typeof invoke === 'function' && typeof subscribe === 'function' ? (candidate as Transport) : null;
};

/** Chooses IPC inside Electron, else HTTP with the token from the UI URL (headless host). */
export function pickTransport(win: Window, onUnauthorized: () => void): Connection {
  const bridge = bridgeOf(win);
  if (bridge) return { kind: 'ipc', transport: bridge };
  const env = {
    location: win.location,
    storage: win.sessionStorage,
    replaceUrl: (url: string) => win.history.replaceState(null, '', url),
  };
  const token = takeToken(env);
  if (!token) return { kind: 'no-token' };
  allowOffThreadCalls({ url: (method) => new URL(`/api/${encodeURIComponent(method)}`, win.location.href).href, token });
  return {
    kind: 'http',
    transport: createHttpTransport({
      token,
      onUnauthorized: () => {
        forgetToken(env);
        onUnauthorized();
      },
    }),
  };
}
