import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyFileSecretStore } from '../core/secrets/key-file-store';
import { silentLogger } from '../core/ports';
import { createElectronSecretStore } from './electron-secret-store';
import { KEY_FILE_NAME, SecretStoreError } from '../core/secrets/key-file-store';

type Backend = 'basic_text' | 'gnome_libsecret';

/** A stand-in for safeStorage that visibly transforms the text (reversal), so tests can tell who sealed. */
const fakeSafeStorage = (available: boolean, backend: Backend = 'gnome_libsecret') => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (plain: string) => Buffer.from([...plain].reverse().join(''), 'utf8'),
  decryptString: (sealed: Buffer) => [...sealed.toString('utf8')].reverse().join(''),
});

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Electron secret store', () => {
  it('seals with the keychain when it is available and opens the result', () => {
    const dir = tempDir();
    const store = createElectronSecretStore(fakeSafeStorage(true), dir, silentLogger, 'darwin');
    const sealed = store.seal('whsec_abc');
    expect(sealed[0]).toBe(0x10);
    expect(store.open(sealed)).toBe('whsec_abc');
    expect(() => statSync(join(dir, KEY_FILE_NAME))).toThrow();
  });

  it('falls back to a 0600 key file when Linux only offers basic_text', () => {
    const dir = tempDir();
    const store = createElectronSecretStore(fakeSafeStorage(true, 'basic_text'), dir, silentLogger, 'linux');
    const sealed = store.seal('whsec_abc');
    expect(sealed[0]).toBe(0x01);
    expect(sealed.includes(Buffer.from('whsec_abc'))).toBe(false);
    expect(store.open(sealed)).toBe('whsec_abc');
    if (process.platform !== 'win32') expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('still opens key-file secrets after the keychain becomes available', () => {
    const dir = tempDir();
    const sealed = createElectronSecretStore(fakeSafeStorage(false), dir, silentLogger, 'linux').seal('sk_test_1');
    const later = createElectronSecretStore(fakeSafeStorage(true), dir, silentLogger, 'linux');
    expect(later.open(sealed)).toBe('sk_test_1');
  });

  it('says why a keychain-sealed secret cannot be opened without the keychain', () => {
    const dir = tempDir();
    const sealed = createElectronSecretStore(fakeSafeStorage(true), dir, silentLogger, 'linux').seal('x');
    const later = createElectronSecretStore(fakeSafeStorage(false), dir, silentLogger, 'linux');
    expect(() => later.open(sealed)).toThrow(/keychain/);
  });

  it('shares a data dir with the headless host when the keychain is unavailable', () => {
    const dir = tempDir();
    const electron = createElectronSecretStore(fakeSafeStorage(false), dir, silentLogger, 'linux');
    const headless = createKeyFileSecretStore(dir);
    expect(headless.open(electron.seal('whsec_from_desktop'))).toBe('whsec_from_desktop');
    expect(electron.open(headless.seal('whsec_from_headless'))).toBe('whsec_from_headless');
  });

  it('opens headless-host secrets while the keychain seals new ones', () => {
    const dir = tempDir();
    const sealed = createKeyFileSecretStore(dir).seal('whsec_old');
    expect(createElectronSecretStore(fakeSafeStorage(true), dir, silentLogger, 'darwin').open(sealed)).toBe('whsec_old');
  });

  it('rejects a tampered key-file secret', () => {
    const dir = tempDir();
    const store = createElectronSecretStore(fakeSafeStorage(false), dir, silentLogger, 'linux');
    const sealed = store.seal('whsec_abc');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 0xff;
    expect(() => store.open(sealed)).toThrow();
  });

  it("reports a secret sealed by another machine's keychain as a SecretStoreError, not a crash", () => {
    const dir = tempDir();
    const sealed = createElectronSecretStore(fakeSafeStorage(true), dir, silentLogger, 'darwin').seal('whsec_elsewhere');
    const here = { ...fakeSafeStorage(true), decryptString: (): string => { throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'); } };
    expect(() => createElectronSecretStore(here, dir, silentLogger, 'darwin').open(sealed)).toThrow(SecretStoreError);
  });
});
