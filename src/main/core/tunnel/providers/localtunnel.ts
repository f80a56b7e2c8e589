import type { Socket } from 'node:net';
import Tunnel from 'localtunnel/lib/Tunnel.js';
import { systemTimers, type TimerHandle, type Timers } from '../timers.js';
import { applyHostHeaderFix } from './host-header-fix.js';
import { messageOf, registerTunnel, type Registration } from './localtunnel-register.js';
import { TunnelOpenError, type TunnelConnection, type TunnelOpenOptions, type TunnelProvider } from './provider.js';

export interface LocaltunnelProviderOptions {
  /** Deadline for the server to answer the registration, in ms. */
  registerTimeoutMs?: number;
  /** Deadline for the first tunnel socket to connect after registration, in ms. */
  connectTimeoutMs?: number;
  /**
   * How long the socket pool may stay empty before the tunnel counts as closed, in ms. The
   * client replaces each socket that dies, but a replacement that fails with anything other than
   * ECONNREFUSED (e.g. ENETUNREACH after a network change) is dropped without an event.
   */
  poolSettleMs?: number;
  timers?: Timers;
}

type Settings = Required<LocaltunnelProviderOptions>;

/**
 * The localtunnel provider, over the npm `localtunnel` client's socket pool. Registration is done
 * here (see localtunnel-register.ts) and handed to the client through its `_init` step; the
 * client's Host-header rewrite is made byte-exact (see host-header-fix.ts).
 */
export function createLocaltunnelProvider(options: LocaltunnelProviderOptions = {}): TunnelProvider {
  applyHostHeaderFix();
  const settings: Settings = {
    registerTimeoutMs: options.registerTimeoutMs ?? 10_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    poolSettleMs: options.poolSettleMs ?? 3_000,
    timers: options.timers ?? systemTimers,
  };
  return { name: 'localtunnel', open: (open) => openLocaltunnel(open, settings) };
}

async function openLocaltunnel(options: TunnelOpenOptions, settings: Settings): Promise<TunnelConnection> {
  const { signal } = options;
  const registration = await registerTunnel(options.serverUrl, options.subdomain, {
    timeoutMs: settings.registerTimeoutMs,
    signal,
  });
  if (signal?.aborted) throw new TunnelOpenError('tunnel open aborted', false);
  const tunnel = new RegisteredTunnel(
    { host: options.serverUrl, port: options.localPort, local_host: options.localHost },
    registration,
  );
  // Synchronous with the override below, so the pool exists before any socket can connect.
  tunnel.open(() => {});
  const connection = new LocaltunnelConnection(tunnel, registration, settings);
  await connection.ready(settings.connectTimeoutMs, signal);
  return connection;
}

/** The stock client with its registration request replaced by one already made. */
class RegisteredTunnel extends Tunnel {
  constructor(
    options: ConstructorParameters<typeof Tunnel>[0],
    private readonly registration: Registration,
  ) {
    super(options);
  }

  override _init(callback: Parameters<Tunnel['_init']>[0]): void {
    callback(null, this._getInfo(this.registration));
  }
}

class LocaltunnelConnection implements TunnelConnection {
  readonly url: string;
  readonly subdomain: string;
  private readonly sockets = new Set<Socket>();
  private readonly errorListeners = new Set<(error: Error) => void>();
  private readonly closeListeners = new Set<(reason: string) => void>();
  private readonly settled = new Set<() => void>();
  private settleTimer: TimerHandle | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly tunnel: Tunnel,
    registration: Registration,
    private readonly settings: Settings,
  ) {
    this.url = registration.url.replace(/\/+$/, '');
    this.subdomain = registration.id;
    // Without an 'error' listener the client's re-emitted socket errors would throw.
    tunnel.on('error', (error: Error) => this.fail(error));
    tunnel.tunnelCluster?.on('open', (remote) => this.track(remote));
  }

  /** Resolves when the first socket of the pool is connected; closes the tunnel on failure. */
  ready(timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const { timers } = this.settings;
      const finish = (error?: Error): void => {
        timers.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.settled.delete(onSocket);
        this.errorListeners.delete(finish);
        if (!error) return resolve();
        void this.close();
        reject(error instanceof TunnelOpenError ? error : new TunnelOpenError(messageOf(error), false, { cause: error }));
      };
      const onSocket = (): void => finish();
      const onAbort = (): void => finish(new TunnelOpenError('tunnel open aborted', false));
      const timer = timers.setTimeout(
        () => finish(new TunnelOpenError(`no tunnel socket connected within ${timeoutMs} ms`, false)),
        timeoutMs,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      this.settled.add(onSocket);
      this.errorListeners.add(finish);
    });
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.clearSettleTimer();
      this.errorListeners.clear();
      this.closeListeners.clear();
      this.tunnel.close();
      if (this.sockets.size === 0) return resolve();
      for (const socket of this.sockets) {
        socket.once('close', () => {
          if (this.sockets.size === 0) resolve();
        });
      }
    });
    return this.closing;
  }

  onError(listener: (error: Error) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  onClose(listener: (reason: string) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  private track(remote: Socket): void {
    if (this.closing || remote.destroyed) return;
    this.sockets.add(remote);
    this.clearSettleTimer();
    for (const settled of [...this.settled]) settled();
    remote.once('close', () => {
      this.sockets.delete(remote);
      if (this.closing || this.sockets.size > 0 || this.settleTimer !== undefined) return;
      this.settleTimer = this.settings.timers.setTimeout(() => {
        this.settleTimer = undefined;
        if (this.sockets.size === 0) this.end('all tunnel sockets closed');
      }, this.settings.poolSettleMs);
    });
  }

  private fail(error: Error): void {
    for (const listener of [...this.errorListeners]) listener(error);
  }

  private end(reason: string): void {
    const listeners = [...this.closeListeners];
    void this.close();
    for (const listener of listeners) listener(reason);
  }

  private clearSettleTimer(): void {
    if (this.settleTimer === undefined) return;
    this.settings.timers.clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
  }
}
