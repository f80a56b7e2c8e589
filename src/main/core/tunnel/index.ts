/** The public tunnel: one manager that keeps the receiver reachable at a public URL. */
export { createTunnelManager, type TunnelManager, type TunnelManagerOptions } from './tunnel-manager.js';
export type { TunnelSettings, TunnelState, TunnelStatus } from './tunnel-status.js';
export { PROBE_PATH_PREFIX } from './probe.js';
export { createLocaltunnelProvider, type LocaltunnelProviderOptions } from './providers/localtunnel.js';
export {
  TunnelOpenError,
  type TunnelConnection,
  type TunnelOpenOptions,
  type TunnelProvider,
} from './providers/provider.js';
export type { ConnectTo } from './http-get.js';
export { systemTimers, type Timers } from './timers.js';
