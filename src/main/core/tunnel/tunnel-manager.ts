import { backoffDelay } from './backoff.js';
import { startClockWatch, type ClockJump } from './clock-watch.js';
import { createProbeToken, PROBE_PATH_PREFIX, probeTunnel, tokenMatches } from './probe.js';
import { TunnelOpenError, type TunnelConnection } from './providers/provider.js';
import type { TimerHandle } from './timers.js';
import { resolveOptions, type TunnelManagerOptions } from './tunnel-manager-options.js';
import type { TunnelSettings, TunnelStatus } from './tunnel-status.js';

export type { TunnelManagerOptions } from './tunnel-manager-options.js';

/** Keeps one public tunnel to the receiver up, and says where it is. */
export interface TunnelManager {
  /**
   * Opens the tunnel (or re-opens it with new settings) and keeps it up until `stop()`. Returns
   * at once with the status; progress arrives through `onStatus`. Same settings while running:
   * no-op.
   */
  start(settings: TunnelSettings): TunnelStatus;
  /** Closes the tunnel; no retry, probe or timer survives. Resolves when its sockets are closed. */
  stop(): Promise<void>;
  status(): TunnelStatus;
  /** Called on every status change. Returns an unsubscribe function. */
  onStatus(listener: (status: TunnelStatus) => void): () => void;
  /** For the receiver: true when `pathname` is `/__inlet_probe/<this manager's token>`. */
  isProbePath(pathname: string): boolean;
}

/**
 * Creates the manager. It reconnects with capped, jittered exponential backoff after errors and
 * closes; probes the receiver end to end through the public URL (a stalled tunnel looks healthy
 * from the client's sockets); and re-establishes at once after sleep/wake or a clock jump.
 */
export function createTunnelManager(options: TunnelManagerOptions): TunnelManager {
  const o = resolveOptions(options);
  const { timers, logger } = o;
  const token = createProbeToken();
  const listeners = new Set<(status: TunnelStatus) => void>();

  let current: TunnelStatus = { state: 'stopped' };
  let settings: TunnelSettings | undefined;
  // Bumped whenever a connection is abandoned, so late callbacks of the old one are ignored.
  let generation = 0;
  let connection: TunnelConnection | undefined;
  let openAbort: AbortController | undefined;
  let probeAbort: AbortController | undefined;
  let retryTimer: TimerHandle | undefined;
  let probeTimer: TimerHandle | undefined;
  let clockWatch: { stop(): void } | undefined;
  let attempt = 0;
  // The subdomain the server last gave us: asked for again so a reconnect can keep the URL.
  let reclaimSubdomain: string | undefined;
  // Survives stop/start: a URL that differs from the last one announced means webhooks moved.
  let lastUpUrl: string | undefined;

  const publish = (next: TunnelStatus): void => {
    current = next;
    const { state, ...fields } = next;
    logger.info(`tunnel ${state}`, fields);
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (error) {
        logger.error('tunnel status listener failed', { error: String(error) });
      }
    }
  };

  const clearTimer = (handle: TimerHandle | undefined): undefined => {
    if (handle !== undefined) timers.clearTimeout(handle);
    return undefined;
  };

  /** Abandons the current connection or attempt; resolves when its sockets are closed. */
  const dropConnection = (): Promise<void> => {
    generation += 1;
    openAbort?.abort();
    probeAbort?.abort();
    openAbort = probeAbort = undefined;
    retryTimer = clearTimer(retryTimer);
    probeTimer = clearTimer(probeTimer);
    const closing = connection?.close() ?? Promise.resolve();
    connection = undefined;
    return closing;
  };

  const connect = (): void => {
    if (!settings) return;
    const mine = ++generation;
    const abort = new AbortController();
    openAbort = abort;
    o.provider
      .open({
        localHost: o.localHost,
        localPort: o.localPort,
        serverUrl: settings.serverUrl,
        subdomain: settings.subdomain ?? reclaimSubdomain,
        signal: abort.signal,
      })
      .then(
        (opened) => {
          if (mine !== generation) return void opened.close();
          openAbort = undefined;
          becomeUp(opened, mine);
        },
        (error: unknown) => {
          if (mine !== generation) return;
          openAbort = undefined;
          if (error instanceof TunnelOpenError && error.permanent) return fail(error.message);
          lose(error instanceof Error ? error.message : String(error));
        },
      );
  };

  const becomeUp = (opened: TunnelConnection, mine: number): void => {
    connection = opened;
    reclaimSubdomain = opened.subdomain;
    opened.onError((error) => mine === generation && lose(`tunnel error: ${error.message}`));
    opened.onClose((reason) => mine === generation && lose(`tunnel closed: ${reason}`));
    const previousUrl = lastUpUrl !== undefined && lastUpUrl !== opened.url ? lastUpUrl : undefined;
    lastUpUrl = opened.url;
    publish({ state: 'up', url: opened.url, since: o.clock.now(), ...(previousUrl ? { previousUrl } : {}) });
    scheduleProbe(opened.url, mine);
  };

  const scheduleProbe = (url: string, mine: number): void => {
    probeTimer = timers.setTimeout(() => {
      probeTimer = undefined;
      const abort = new AbortController();
      probeAbort = abort;
      void probeTunnel(url, token, { ...o.probe, signal: abort.signal }).then((result) => {
        if (mine !== generation) return;
        probeAbort = undefined;
        if (!result.ok) return lose(result.reason);
        // Only an end-to-end success proves the tunnel healthy; until then backoff keeps growing.
        attempt = 0;
        scheduleProbe(url, mine);
      });
    }, o.probe.intervalMs);
  };

  /** The tunnel is down or suspect: drop it and try again, after a backoff unless `immediate`. */
  const lose = (reason: string, immediate = false): void => {
    void dropConnection();
    attempt = immediate ? 1 : attempt + 1;
    const delay = immediate ? 0 : backoffDelay(attempt, o.backoff, o.random);
    logger.warn('tunnel lost', { reason, attempt, delay });
    publish({
      state: 'reconnecting',
      attempt,
      nextTryAt: o.clock.now() + delay,
      reason,
      ...(lastUpUrl ? { lastUrl: lastUpUrl } : {}),
    });
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      connect();
    }, delay);
  };

  const fail = (reason: string): void => {
    void dropConnection();
    clockWatch?.stop();
    clockWatch = undefined;
    attempt = 0;
    publish({ state: 'error', reason });
  };

  const onClockJump = (jump: ClockJump): void => {
    if (current.state === 'stopped' || current.state === 'error') return;
    const wall = Math.round(jump.wallElapsedMs);
    const mono = Math.round(jump.monotonicElapsedMs);
    lose(`clock jump or wake from sleep (wall ${wall} ms, monotonic ${mono} ms, expected ${jump.expectedMs} ms)`, true);
  };

  return {
    start(next) {
      const running = current.state !== 'stopped' && current.state !== 'error';
      const same = settings?.serverUrl === next.serverUrl && settings?.subdomain === next.subdomain;
      if (running && same) return current;
      if (!same) reclaimSubdomain = undefined;
      settings = { ...next };
      void dropConnection();
      attempt = 0;
      clockWatch ??= startClockWatch({ ...o, ...o.clockWatch, onJump: onClockJump });
      publish({ state: 'starting', serverUrl: next.serverUrl });
      connect();
      return current;
    },
    async stop() {
      settings = undefined;
      clockWatch?.stop();
      clockWatch = undefined;
      attempt = 0;
      const closing = dropConnection();
      if (current.state !== 'stopped') publish({ state: 'stopped' });
      await closing;
    },
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isProbePath(pathname) {
      return pathname.startsWith(PROBE_PATH_PREFIX) && tokenMatches(token, pathname.slice(PROBE_PATH_PREFIX.length));
    },
  };
}
