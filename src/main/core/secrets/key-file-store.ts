import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../ports';

const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of every sealed blob, so a future format (or another store's blob) can be told apart. */
export const KEY_FILE_FORMAT = 0x01;
const FORMAT_V1 = KEY_FILE_FORMAT;

export const KEY_FILE_NAME = 'secret.key';

/** Raised when the key file or a sealed blob cannot be trusted; the message says what to do. */
export class SecretStoreError extends Error {
  override name = 'SecretStoreError';
}

/** Reads the key, creating it (mode 0600, exclusively) on first use. */
export function loadOrCreateKey(dataDir: string, platform: NodeJS.Platform = process.platform): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, KEY_FILE_NAME);
  try {
    // 'wx' fails if the file exists, so two hosts starting at once never overwrite each other's key.
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(KEY_BYTES));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // POSIX modes mean nothing on Windows; there the folder's ACL (the user profile) protects the file.
  if (platform !== 'win32') {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new SecretStoreError(
        `${path} is readable by other users (mode ${mode.toString(8)}); run "chmod 600 ${path}" and start again`,
      );
    }
  }
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES) {
    throw new SecretStoreError(`${path} should hold ${KEY_BYTES} bytes but holds ${key.length}; it is damaged`);
  }
  return key;
}

/** AES-256-GCM with a fresh random nonce per seal: `01 | nonce(12) | tag(16) | ciphertext`. */
export function createKeySecretStore(key: Buffer): SecretStore {
  if (key.length !== KEY_BYTES) throw new SecretStoreError(`the key must be ${KEY_BYTES} bytes`);
  return {
    seal(plain) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(FORMAT_V1), nonce, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== FORMAT_V1) {
        throw new SecretStoreError('sealed secret is malformed (not written by this key store)');
      }
      const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
      const tag = sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretStoreError('sealed secret failed authentication: it was altered or sealed with another key');
      }
    },
  };
}

/**
 * Secrets sealed with a 0600 key file in the data dir: the headless host's store, and the desktop
 * app's fallback when the OS keychain is unusable — one format, so a data dir works under both.
 */
export const createKeyFileSecretStore = (dataDir: string, platform: NodeJS.Platform = process.platform): SecretStore =>
  createKeySecretStore(loadOrCreateKey(dataDir, platform));
