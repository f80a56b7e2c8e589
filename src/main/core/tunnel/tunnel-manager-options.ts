import { silentLogger, systemClock, type Clock, type Logger } from '../ports.js';
import { defaultBackoff, type BackoffOptions } from './backoff.js';
import type { ConnectTo } from './http-get.js';
import type { TunnelProvider } from './providers/provider.js';
import { systemMonotonic, systemTimers, type Monotonic, type Timers } from './timers.js';

/** Everything `createTunnelManager` takes; all but provider, localHost and localPort have defaults. */
export interface TunnelManagerOptions {
  provider: TunnelProvider;
  /** The receiver's interface and port — the tunnel exposes this and nothing else. */
  localHost: string;
  localPort: number;
  probe?: {
    /** Time between end-to-end probes while up, in ms (default 30 s). */
    intervalMs?: number;
    /** A probe without a 200 within this many ms counts as down (default 10 s). */
    timeoutMs?: number;
    /** Where to connect for a public URL instead of resolving its host (tests, split DNS). */
    connectTo?: ConnectTo;
  };
  backoff?: Partial<BackoffOptions>;
  clockWatch?: {
    /** How often to compare wall and monotonic time, in ms (default 5 s). */
    intervalMs?: number;
    /** Slack before a difference counts as sleep or a clock change, in ms (default 10 s). */
    thresholdMs?: number;
  };
  clock?: Clock;
  monotonic?: Monotonic;
  timers?: Timers;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
  logger?: Logger;
}

export interface ResolvedOptions {
  provider: TunnelProvider;
  localHost: string;
  localPort: number;
  probe: { intervalMs: number; timeoutMs: number; connectTo?: ConnectTo };
  backoff: BackoffOptions;
  clockWatch: { intervalMs: number; thresholdMs: number };
  clock: Clock;
  monotonic: Monotonic;
  timers: Timers;
  random: () => number;
  logger: Logger;
}

export function resolveOptions(options: TunnelManagerOptions): ResolvedOptions {
  return {
    provider: options.provider,
    localHost: options.localHost,
    localPort: options.localPort,
    probe: {
      intervalMs: options.probe?.intervalMs ?? 30_000,
      timeoutMs: options.probe?.timeoutMs ?? 10_000,
      connectTo: options.probe?.connectTo,
    },
    backoff: { ...defaultBackoff, ...options.backoff },
    clockWatch: {
      intervalMs: options.clockWatch?.intervalMs ?? 5_000,
      thresholdMs: options.clockWatch?.thresholdMs ?? 10_000,
    },
    clock: options.clock ?? systemClock,
    monotonic: options.monotonic ?? systemMonotonic,
    timers: options.timers ?? systemTimers,
    random: options.random ?? Math.random,
    logger: options.logger ?? silentLogger,
  };
}
