/** What a tunnel provider needs to expose one local HTTP port at a public URL. */
export interface TunnelOpenOptions {
  /** Interface the local server listens on, e.g. `127.0.0.1`. */
  localHost: string;
  localPort: number;
  /** The tunnel server, e.g. `https://localtunnel.me` or a self-hosted one. */
  serverUrl: string;
  /** Asked for, not guaranteed: a server may hand out another one when it is taken. */
  subdomain?: string;
  /** Aborting rejects a pending `open` and releases everything it had started. */
  signal?: AbortSignal;
}

/** One established tunnel. It never re-establishes itself; the manager decides that. */
export interface TunnelConnection {
  /** The public URL, without a trailing slash. */
  readonly url: string;
  /** The subdomain the server assigned; asking for it again on reconnect may keep the URL. */
  readonly subdomain?: string;
  /** Tears the tunnel down; resolves once its sockets are closed. Safe to call twice. */
  close(): Promise<void>;
  /** The tunnel failed (e.g. the server refused a socket). Returns an unsubscribe function. */
  onError(listener: (error: Error) => void): () => void;
  /** The tunnel ended without `close()` being called. Returns an unsubscribe function. */
  onClose(listener: (reason: string) => void): () => void;
}

export interface TunnelProvider {
  readonly name: string;
  open(options: TunnelOpenOptions): Promise<TunnelConnection>;
}

/**
 * An `open` failure. `permanent` means retrying with the same settings cannot help (the server
 * refused the subdomain, the server URL is malformed), so the manager stops instead of looping.
 */
export class TunnelOpenError extends Error {
  override readonly name = 'TunnelOpenError';
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
