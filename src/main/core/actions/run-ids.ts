import { randomBytes } from 'node:crypto';

// base64url's characters in ASCII order, so ids made later sort after earlier ones.
const SORTED = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const RANDOM_BYTES = 9;
const POOL = 256 * RANDOM_BYTES;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * A run id (`run_…`, `wfr_…`) in `newId`'s url-safe characters, made of the time in ms (48 bits,
 * in order) then 72 random bits. Runs are written by the thousand while processing: ids
 * in time order land at the end of the table's indexes instead of on a random page each, which
 * keeps the pages a processing transaction dirties (and commits) few.
 */
export function newRunId(prefix: string, now: number): string {
  if (offset + RANDOM_BYTES > pool.length) {
    pool = randomBytes(POOL);
    offset = 0;
  }
  let time = '';
  for (let t = Math.max(0, Math.floor(now)), i = 0; i < 8; i++, t = Math.floor(t / 64)) time = SORTED[t % 64] + time;
  const random = pool.toString('base64url', offset, offset + RANDOM_BYTES);
  offset += RANDOM_BYTES;
  return `${prefix}_${time}${random}`;
}
