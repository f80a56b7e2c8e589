import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../core/ports';

/*
 * The same file name and sealed layout as the headless host's store (src/main/host/node-secret-store.ts),
 * so one data dir works under both hosts; a test seals with one and opens with the other.
 */
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** First byte of a blob sealed with the key file. */
export const KEY_FILE_FORMAT = 0x01;
export const KEY_FILE_NAME = 'secret.key';

function loadOrCreateKey(dataDir: string, platform: NodeJS.Platform): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, KEY_FILE_NAME);
  try {
    // `wx` fails if the file exists, so two starts never race into two different keys.
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(KEY_BYTES));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // POSIX modes mean nothing on Windows, where the user profile's ACL protects the file.
  if (platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new Error(`${path} is readable by other users; run "chmod 600 ${path}" and start again`);
  }
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES) throw new Error(`${path} should hold ${KEY_BYTES} bytes but holds ${key.length}; it is damaged`);
  return key;
}

/**
 * The fallback when the OS keychain is unusable: AES-256-GCM with a random key in a file only the
 * user can read. Sealed layout: `01 | nonce (12) | auth tag (16) | ciphertext`.
 */
export function createKeyFileSecretStore(dataDir: string, platform: NodeJS.Platform = process.platform): SecretStore {
  const key = loadOrCreateKey(dataDir, platform);
  return {
    seal(plain) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(KEY_FILE_FORMAT), nonce, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== KEY_FILE_FORMAT) {
        throw new Error('sealed secret is malformed (not written by the key file store)');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + NONCE_BYTES));
      decipher.setAuthTag(sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('sealed secret failed authentication: it was altered or sealed with another key');
      }
    },
  };
}
