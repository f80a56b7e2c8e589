import { randomBytes } from 'node:crypto';

// Ids are made in bulk (a workflow run per recipient), so random bytes are drawn a pool at a time.
const POOL_IDS = 256;
let pool = Buffer.alloc(0);
let offset = 0;

/** A short random id for rows (`src_…`, `run_…`); 96 bits, unique enough for one machine. */
export function newId(prefix: string): string {
  if (offset + 12 > pool.length) {
    pool = randomBytes(12 * POOL_IDS);
    offset = 0;
  }
  const id = pool.toString('base64url', offset, offset + 12);
  offset += 12;
  return `${prefix}_${id}`;
}

/** An endpoint token: 144 random bits, url-safe, so a URL cannot be guessed. */
export const newEndpointToken = (): string => randomBytes(18).toString('base64url');
