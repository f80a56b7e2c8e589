import { Menu, Tray, clipboard, nativeImage } from 'electron';
import type { PushMessage } from '../../shared/api/events';

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

/** Tray icon with the receiver's status; the app keeps receiving while its window is closed. */
export function createTray(options: TrayOptions): InletTray {
  // `nativeImage` picks up the @2x file on high-DPI screens; on macOS a `…Template.png` is tinted
  // for light and dark menu bars.
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  let lastEvent = 'no events yet';

  const render = (): void => {
    tray.setToolTip(`Inlet — receiving at ${options.receiverUrl}\nLast event: ${lastEvent}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: `Receiving at ${options.receiverUrl}`, enabled: false },
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
      if (message.name !== 'events.received') return;
      const e = message.payload;
      lastEvent = `${time(e.receivedAt)} · ${e.eventType ?? e.method} · ${e.verification} · ${e.responseStatus}`;
      render();
    },
    destroy: () => tray.destroy(),
  };
}
