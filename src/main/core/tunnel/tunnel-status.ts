/** Where the tunnel is. `url` fields are public URLs without a trailing slash. */
export type TunnelStatus =
  | { state: 'stopped' }
  | { state: 'starting'; serverUrl: string }
  | {
      state: 'up';
      url: string;
      /** Set when this URL differs from the last one that was up: webhooks must be re-pointed. */
      previousUrl?: string;
      /** Wall-clock ms when this URL came up. */
      since: number;
    }
  | {
      state: 'reconnecting';
      /** 1 for the first retry after a loss, counting up until a probe succeeds again. */
      attempt: number;
      /** Wall-clock ms of the next try. */
      nextTryAt: number;
      reason: string;
      /** The URL that was up before the loss, if any; not reachable right now. */
      lastUrl?: string;
    }
  | { state: 'error'; reason: string };

export type TunnelState = TunnelStatus['state'];

/** What the tunnel connects to; persisted by the core as user settings. */
export interface TunnelSettings {
  /** e.g. `https://localtunnel.me`, or a self-hosted localtunnel server. */
  serverUrl: string;
  /** A requested subdomain; the server may assign another if it is taken. */
  subdomain?: string;
}
