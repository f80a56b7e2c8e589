import type { TunnelSettings as StoredTunnelSettings, TunnelStatus } from '../../../shared/domain/settings';
import type { CoreContext } from '../context';
import type { ConnectTo } from './http-get.js';
import { createLocaltunnelProvider } from './providers/localtunnel.js';
import type { TunnelProvider } from './providers/provider.js';
import { createTunnelManager, type TunnelManager } from './tunnel-manager.js';

export interface TunnelServiceOptions {
  receiverPort: number;
  provider?: TunnelProvider;
  /** Faster probes for tests; production uses the manager's defaults. */
  probeIntervalMs?: number;
}

/**
 * The tunnel as the core offers it: the manager, the stored settings it starts from, and the push
 * event that announces every status (including a changed public URL).
 */
export function createTunnelService(ctx: Pick<CoreContext, 'settings' | 'clock' | 'logger' | 'emit'>, options: TunnelServiceOptions) {
  // The connect address can change between starts, so the probe reads it when it connects.
  const connectTo: ConnectTo = () => {
    let address: string | null;
    try {
      address = ctx.settings.get().tunnel.connectAddress;
    } catch (error) {
      // Called from the probe's timer: a settings read that fails (a damaged or locked database)
      // must not escape it; the probe then connects to the tunnel's own address.
      ctx.logger.warn('the tunnel probe could not read its settings', { error: String(error) });
      return undefined;
    }
    if (!address) return undefined;
    const at = address.lastIndexOf(':');
    return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
  };
  const manager: TunnelManager = createTunnelManager({
    provider: options.provider ?? createLocaltunnelProvider(),
    localHost: '127.0.0.1',
    localPort: options.receiverPort,
    clock: ctx.clock,
    logger: ctx.logger,
    probe: { connectTo, ...(options.probeIntervalMs ? { intervalMs: options.probeIntervalMs } : {}) },
  });
  manager.onStatus((status) => ctx.emit('tunnel.statusChanged', status as TunnelStatus));

  const startWith = (s: StoredTunnelSettings) =>
    manager.start({ serverUrl: s.serverUrl, ...(s.subdomain ? { subdomain: s.subdomain } : {}) }) as TunnelStatus;

  return {
    status: (): TunnelStatus => manager.status() as TunnelStatus,
    /** Saves any changed settings, then opens (or re-opens) the tunnel with them. */
    start(patch: Partial<StoredTunnelSettings> = {}): TunnelStatus {
      return startWith(ctx.settings.update({ tunnel: patch }).tunnel);
    },
    stop: (): Promise<void> => manager.stop(),
    isProbePath: (pathname: string): boolean => manager.isProbePath(pathname),
    /** Honours "start on launch". */
    startIfWanted(): void {
      const settings = ctx.settings.get().tunnel;
      if (settings.startOnLaunch) startWith(settings);
    },
  };
}
export type TunnelService = ReturnType<typeof createTunnelService>;
