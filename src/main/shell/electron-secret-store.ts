import type { SafeStorage } from 'electron';
import type { Logger, SecretStore } from '../core/ports';
import { KEY_FILE_FORMAT, SecretStoreError, createKeyFileSecretStore } from '../core/secrets/key-file-store';

/**
 * The first byte of a sealed value names who sealed it, so a data dir keeps opening when the keychain
 * comes or goes (a Linux session without a keyring) or when the headless host used it (key file).
 */
const KEYCHAIN_FORMAT = 0x10;

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
 * usable. Create it after `app` is ready: safeStorage answers "unavailable" before. The synchronous
 * safeStorage calls are used because the port is synchronous.
 */
export function createElectronSecretStore(
  safeStorage: SafeStorageLike,
  dataDir: string,
  logger: Logger,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  const status = keychainStatus(safeStorage, platform);
  let keyFile: SecretStore | undefined;
  // Lazy: with a working keychain no key file is ever created, unless old key-file secrets exist.
  const fallback = (): SecretStore => (keyFile ??= createKeyFileSecretStore(dataDir, platform));
  if (!status.available) {
    logger.warn(`Secrets are not encrypted with the OS keychain (${status.reason}); using a key file readable only by you in ${dataDir}.`);
  }

  return {
    seal(plain) {
      if (!status.available) return fallback().seal(plain);
      return Buffer.concat([Buffer.of(KEYCHAIN_FORMAT), safeStorage.encryptString(plain)]);
    },
    open(sealed) {
      if (sealed[0] === KEY_FILE_FORMAT) return fallback().open(sealed);
      if (sealed[0] !== KEYCHAIN_FORMAT) throw new SecretStoreError('sealed secret has an unknown format');
      if (!status.available) throw new SecretStoreError(`this secret was sealed with the OS keychain, which is unavailable now: ${status.reason}`);
      try {
        return safeStorage.decryptString(sealed.subarray(1));
      } catch {
        // Another machine's or another user's keychain sealed it (a copied data dir): the caller
        // marks the secret unusable instead of failing.
        throw new SecretStoreError("this secret was sealed by another machine's or user's keychain and can't be decrypted here");
      }
    },
  };
}
