import { Notification, safeStorage } from 'electron';
import { consoleLogger, type CorePorts, type Logger, type Notifier } from '../core/ports';
import { createElectronSecretStore } from './electron-secret-store';

/** Native notifications where the OS offers them; silent otherwise (e.g. Linux without a daemon). */
export function createElectronNotifier(logger: Logger): Notifier {
  return {
    notify(title, body) {
      if (!Notification.isSupported()) return;
      try {
        new Notification({ title, body, silent: false }).show();
      } catch (error) {
        logger.warn('notification failed', { error: String(error) });
      }
    },
  };
}

/** The ports the desktop host gives the core. Call after `app.whenReady()`: safeStorage needs it. */
export function createElectronPorts(dataDir: string, logger: Logger = consoleLogger): CorePorts {
  return {
    dataDir,
    logger,
    secretStore: createElectronSecretStore(safeStorage, dataDir, logger),
    notifier: createElectronNotifier(logger),
  };
}
