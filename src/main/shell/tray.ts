import { Menu, Tray, clipboard, nativeImage } from 'electron';
import type { PushMessage } from '../../shared/api/events';
import type { TunnelStatus } from '../../shared/domain/settings';

export interface TrayOptions {
  iconPath: string;
  receiverUrl: string;
  openWindow(): void;
  quit(): void;
}

export interface InletTray {
  /** Reflects a push event (last event received, its verification) in the tooltip. */
  update(message: PushMessage): void;
  destroy(): void;
}

const time = (ms: number): string => new Date(ms).toLocaleTimeString();

/** The tunnel's state in a few words, and its public URL while it is up. */
export function describeTunnel(status: TunnelStatus): { tunnel: string; publicUrl: string | null } {
  switch (status.state) {
    case 'stopped':
      return { tunnel: 'off', publicUrl: null };
    case 'starting':
      return { tunnel: 'starting…', publicUrl: null };
    case 'up':
      return { tunnel: `up at ${status.url}`, publicUrl: status.url };
    case 'reconnecting':
      return { tunnel: `reconnecting (attempt ${status.attempt}): ${status.reason}`, publicUrl: null };
    case 'error':
      return { tunnel: `error: ${status.reason}`, publicUrl: null };
  }
}

/** Tray icon with the receiver's status; the app keeps receiving while its window is closed. */
export function createTray(options: TrayOptions): InletTray {
  // `nativeImage` picks up the @2x file on high-DPI screens; on macOS a `…Template.png` is tinted
  // for light and dark menu bars.
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  let lastEvent = 'no events yet';
  let tunnel = 'off';
  let publicUrl: string | null = null;

  const render = (): void => {
    tray.setToolTip(`Inlet — receiving at ${options.receiverUrl}\nTunnel: ${tunnel}\nLast event: ${lastEvent}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: `Receiving at ${options.receiverUrl}`, enabled: false },
        { label: `Tunnel: ${tunnel}`, enabled: false },
        ...(publicUrl ? [{ label: 'Copy public URL', click: () => clipboard.writeText(publicUrl ?? '') }] : []),
        { label: `Last event: ${lastEvent}`, enabled: false },
        { type: 'separator' },
        { label: 'Open Inlet', click: () => options.openWindow() },
        { label: 'Copy receiver URL', click: () => clipboard.writeText(options.receiverUrl) },
        { type: 'separator' },
        { label: 'Quit Inlet', click: () => options.quit() },
      ]),
    );
  };
  tray.on('click', () => options.openWindow());
  render();

  return {
    update(message) {
      if (message.name === 'tunnel.statusChanged') {
        ({ tunnel, publicUrl } = describeTunnel(message.payload));
        render();
      }
      if (message.name !== 'events.received') return;
      const e = message.payload;
      lastEvent = `${time(e.receivedAt)} · ${e.eventType ?? e.method} · ${e.verification} · ${e.responseStatus}`;
      render();
    },
    destroy: () => tray.destroy(),
  };
}
