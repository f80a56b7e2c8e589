import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/result';
import { OpenedSecretsSchema, type OpenedSecrets } from '../../../shared/domain/bundle';
import type { z } from 'zod';
import type { SealedSchema } from '../../../shared/domain/bundle';

type Sealed = z.output<typeof SealedSchema>;

// scrypt's interactive-login cost (2^15): about 0.1 s here, enough to slow guessing a passphrase.
const COST = { cost: 1 << 15, blockSize: 8, parallelization: 1 } as const;
const maxmem = (N: number, r: number) => 256 * N * r;

const keyOf = (passphrase: string, salt: Buffer, kdf: { cost: number; blockSize: number; parallelization: number }): Buffer =>
  scryptSync(passphrase.normalize('NFC'), salt, 32, { N: kdf.cost, r: kdf.blockSize, p: kdf.parallelization, maxmem: maxmem(kdf.cost, kdf.blockSize) });

/** Encrypts the secret values of a bundle with a key derived from the passphrase. */
export function sealSecrets(secrets: OpenedSecrets, passphrase: string): Sealed {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(passphrase, salt, COST), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return {
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', ...COST, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The secrets back; a wrong passphrase (or a changed file) fails GCM's check and is refused in words. */
export function openSecrets(sealed: Sealed, passphrase: string): OpenedSecrets {
  if (sealed.kdf.cost > 1 << 20 || sealed.kdf.blockSize > 32 || sealed.kdf.parallelization > 16) {
    throw new ApiFailure('invalid_input', 'This bundle asks for a key derivation too costly to run', [{ path: ['file', 'sealed', 'kdf'], message: 'cost too high' }]);
  }
  let text: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(passphrase, Buffer.from(sealed.kdf.salt, 'base64'), sealed.kdf), Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new ApiFailure('invalid_input', 'The passphrase does not open this bundle\'s secrets (or the file was changed). Nothing was imported.', [
      { path: ['passphrase'], message: 'wrong passphrase' },
    ]);
  }
  return OpenedSecretsSchema.parse(JSON.parse(text));
}
