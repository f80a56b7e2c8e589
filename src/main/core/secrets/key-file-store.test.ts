import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileSecretStore, KEY_FILE_NAME, loadOrCreateKey, SecretStoreError } from './key-file-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-keystore-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('node secret store', () => {
  it('opens what it sealed, and a second store on the same dir can too', () => {
    const sealed = createKeyFileSecretStore(dir).seal('whsec_test_123 ✓');
    expect(sealed.toString('utf8')).not.toContain('whsec_test_123');
    expect(createKeyFileSecretStore(dir).open(sealed)).toBe('whsec_test_123 ✓');
  });

  it('seals the same secret differently every time (random nonce)', () => {
    const store = createKeyFileSecretStore(dir);
    expect(store.seal('same').equals(store.seal('same'))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('creates a 32-byte key file with mode 0600', () => {
    createKeyFileSecretStore(dir);
    const path = join(dir, KEY_FILE_NAME);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path)).toHaveLength(32);
  });

  it('rejects a tampered blob with an authentication error', () => {
    const store = createKeyFileSecretStore(dir);
    const sealed = store.seal('secret');
    sealed[sealed.length - 1]! ^= 0x01;
    expect(() => store.open(sealed)).toThrow(/failed authentication/);
  });

  it('rejects a blob sealed with another key', () => {
    const other = mkdtempSync(join(tmpdir(), 'inlet-keystore-'));
    try {
      const sealed = createKeyFileSecretStore(other).seal('secret');
      expect(() => createKeyFileSecretStore(dir).open(sealed)).toThrow(SecretStoreError);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('rejects a truncated blob as malformed', () => {
    expect(() => createKeyFileSecretStore(dir).open(Buffer.from([1, 2, 3]))).toThrow(/malformed/);
  });

  it.skipIf(process.platform === 'win32')('refuses a key file other users can read, naming the fix', () => {
    loadOrCreateKey(dir);
    chmodSync(join(dir, KEY_FILE_NAME), 0o644);
    expect(() => loadOrCreateKey(dir)).toThrow(/chmod 600/);
  });

  it('refuses a damaged key file of the wrong length', () => {
    writeFileSync(join(dir, KEY_FILE_NAME), Buffer.alloc(5), { mode: 0o600 });
    expect(() => loadOrCreateKey(dir)).toThrow(/damaged/);
  });
});
