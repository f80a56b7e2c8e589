import type { SafeStorage } from 'electron';
import type { Logger, SecretStore } from '../core/ports';
import { createKeyFileSecretStore } from './key-file-secret-store';

/**
 * Every sealed value starts with a byte naming who sealed it, so a database keeps opening when the
 * keychain comes or goes (a Linux session without a keyring, a copied data dir).
 */
const SEALED_BY_KEYCHAIN = 0x01;
const SEALED_BY_KEY_FILE = 0x02;

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export type KeychainStatus = { available: true } | { available: false; reason: string };

/**
 * Is the OS keychain usable? On Linux without a secret service Chromium falls back to `basic_text`,
 * a hard-coded password — weaker than a 0600 key file, so it counts as unavailable.
 */
export function keychainStatus(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeychainStatus {
  if (!safeStorage.isEncryptionAvailable()) return { available: false, reason: 'the OS keychain reports no encryption available' };
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return { available: false, reason: 'no secret service (gnome-keyring / kwallet) is running' };
  }
  return { available: true };
}

/**
 * `SecretStore` over Electron's `safeStorage`, falling back to a key file when the keychain is not
 * usable. Must be created after `app` is ready (`safeStorage` answers "unavailable" before).
 * The synchronous safeStorage calls are used because the port is synchronous.
 */
export function createElectronSecretStore(
  safeStorage: SafeStorageLike,
  dataDir: string,
  logger: Logger,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  const status = keychainStatus(safeStorage, platform);
  let keyFile: SecretStore | undefined;
  const fallback = (): SecretStore => (keyFile ??= createKeyFileSecretStore(dataDir));
  if (!status.available) {
    logger.warn(`Secrets are not encrypted with the OS keychain (${status.reason}); using a key file readable only by you in ${dataDir}.`);
  }

  return {
    seal(plain) {
      if (status.available) return Buffer.concat([Buffer.of(SEALED_BY_KEYCHAIN), safeStorage.encryptString(plain)]);
      return Buffer.concat([Buffer.of(SEALED_BY_KEY_FILE), fallback().seal(plain)]);
    },
    open(sealed) {
      const body = sealed.subarray(1);
      switch (sealed[0]) {
        case SEALED_BY_KEYCHAIN:
          if (!status.available) throw new Error(`this secret was sealed with the OS keychain, which is unavailable now: ${status.reason}`);
          return safeStorage.decryptString(body);
        case SEALED_BY_KEY_FILE:
          return fallback().open(body);
        default:
          throw new Error('sealed secret has an unknown format');
      }
    },
  };
}
