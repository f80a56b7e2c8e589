import { createHash, timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../../shared/api/result';

/**
 * The control server's gatekeeping, kept pure so each rule is tested on its own.
 * Host and Origin checks defend against DNS rebinding and cross-site pages; the token against
 * every other local process and browser tab.
 */

/** A page served from a rebound DNS name arrives with that name in Host, never with ours. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}` || h === `[::1]:${port}`;
}

/** Browsers send Origin on cross-origin requests and on every POST; other clients usually send none. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const o = origin.toLowerCase();
  return o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Compares digests so neither the content nor the length of the token leaks through timing. */
export function hasValidBearer(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  const given = match?.[1] ?? '';
  const same = timingSafeEqual(digest(given), digest(token));
  return same && given.length > 0;
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};
