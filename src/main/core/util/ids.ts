import { randomBytes } from 'node:crypto';

/** A short random id for rows (`src_…`, `sec_…`); 96 bits, unique enough for one machine. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('base64url')}`;

/** An endpoint token: 144 random bits, url-safe, so a URL cannot be guessed. */
export const newEndpointToken = (): string => randomBytes(18).toString('base64url');
