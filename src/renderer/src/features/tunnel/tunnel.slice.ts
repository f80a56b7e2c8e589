import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { TunnelStatus } from '../../../../shared/domain/settings';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';

/** A public URL that moved: every provider pointed at the old one must be re-pointed. */
export interface UrlChange {
  previousUrl: string;
  url: string;
}

export interface TunnelSlice {
  tunnel: TunnelStatus;
  /** Set while a start or stop call is on its way. */
  tunnelBusy: boolean;
  tunnelError: string | null;
  tunnelUrlChange: UrlChange | null;
  loadTunnel(): Promise<void>;
  startTunnel(): Promise<void>;
  stopTunnel(): Promise<void>;
  /** A pushed `tunnel.statusChanged`. */
  receiveTunnelStatus(status: TunnelStatus): void;
  dismissUrlChange(): void;
}

export const createTunnelSlice =
  (api: ApiClient): StateCreator<AppState, [], [], TunnelSlice> =>
  (set) => {
    // Pushes are newer than any answer to a call made before them.
    let pushes = 0;
    const apply = (status: TunnelStatus) => {
      set({ tunnel: status });
      if (status.state === 'up' && status.previousUrl !== undefined && status.previousUrl !== status.url) {
        set({ tunnelUrlChange: { previousUrl: status.previousUrl, url: status.url } });
      }
    };

    const run = async (call: () => Promise<TunnelStatus>) => {
      set({ tunnelBusy: true, tunnelError: null });
      const before = pushes;
      try {
        const status = await call();
        if (pushes === before) apply(status);
      } catch (error) {
        set({ tunnelError: describeError(error) });
      } finally {
        set({ tunnelBusy: false });
      }
    };

    return {
      tunnel: { state: 'stopped' },
      tunnelBusy: false,
      tunnelError: null,
      tunnelUrlChange: null,
      async loadTunnel() {
        const before = pushes;
        try {
          const status = await api.call('tunnel.status', {});
          // Only the state: a move announced before this load must not raise the banner again.
          if (pushes === before) set({ tunnel: status });
        } catch (error) {
          set({ tunnelError: describeError(error) });
        }
      },
      startTunnel: () => run(() => api.call('tunnel.start', {})),
      stopTunnel: () => run(() => api.call('tunnel.stop', {})),
      receiveTunnelStatus(status) {
        pushes++;
        apply(status);
      },
      dismissUrlChange: () => set({ tunnelUrlChange: null }),
    };
  };
