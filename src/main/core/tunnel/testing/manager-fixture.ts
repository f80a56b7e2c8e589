import { createLocaltunnelProvider } from '../providers/localtunnel.js';
import type { TunnelProvider } from '../providers/provider.js';
import { createTunnelManager, type TunnelManager, type TunnelManagerOptions } from '../tunnel-manager.js';
import type { TunnelSettings } from '../tunnel-status.js';
import { startLtServer, type LtServer } from './lt-server.js';
import { startReceiverStub, type ReceiverStub } from './receiver-stub.js';
import { countingTimers, watchStatuses, type StatusLog } from './status-watch.js';

/** A real tunnel server, a receiver stand-in, and a manager between them with fast timings. */
export interface TunnelFixture {
  server: LtServer;
  receiver: ReceiverStub;
  manager: TunnelManager;
  log: StatusLog;
  timers: ReturnType<typeof countingTimers>;
  /** How many times the manager asked the provider for a tunnel. */
  opens(): number;
  settings(subdomain?: string): TunnelSettings;
  /** Stops everything the fixture started; safe after a failure half-way through setup. */
  close(): Promise<void>;
}

type Overrides = Partial<Omit<TunnelManagerOptions, 'provider' | 'localHost' | 'localPort'>>;

export async function startTunnelFixture(overrides: Overrides = {}): Promise<TunnelFixture> {
  const [server, receiver] = await Promise.all([startLtServer(), startReceiverStub()]);
  const timers = countingTimers();
  const localtunnel = createLocaltunnelProvider({ registerTimeoutMs: 2_000, connectTimeoutMs: 2_000, timers });
  let opens = 0;
  const provider: TunnelProvider = {
    name: localtunnel.name,
    open: (options) => {
      opens += 1;
      return localtunnel.open(options);
    },
  };
  const manager = createTunnelManager({
    provider,
    localHost: '127.0.0.1',
    localPort: receiver.port,
    timers,
    backoff: { initialMs: 100, maxMs: 1_000 },
    // Slow by default so a loaded test machine is never mistaken for a sleeping laptop.
    clockWatch: { intervalMs: 60_000, thresholdMs: 60_000 },
    ...overrides,
    probe: { intervalMs: 60_000, timeoutMs: 1_000, connectTo: server.connectTo, ...overrides.probe },
  });
  receiver.setProbeCheck((pathname) => manager.isProbePath(pathname));
  const log = watchStatuses(manager);
  return {
    server,
    receiver,
    manager,
    log,
    timers,
    opens: () => opens,
    settings: (subdomain) => ({ serverUrl: server.url, ...(subdomain ? { subdomain } : {}) }),
    close: async () => {
      log.dispose();
      await manager.stop();
      await Promise.all([server.stop(), receiver.close()]);
    },
  };
}
