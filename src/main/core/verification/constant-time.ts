import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality of two digests. A length difference returns early: digest lengths are
 * fixed by the algorithm, so they leak nothing about the secret.
 */
export function digestsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Constant-time equality of two secrets of any length: both are hashed first so that neither the
 * content nor the length of the expected value shows in the timing.
 */
export function secretsEqual(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
