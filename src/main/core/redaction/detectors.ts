import { isIP } from 'node:net';
import type { RedactionDetector } from '../../../shared/domain/redaction';

/** A stretch of text a detector or rule claims. */
export interface Found {
  start: number;
  end: number;
}

/** The placeholder families: a value gets one placeholder per family, counted within a file. */
export type Family = 'email' | 'phone' | 'card' | 'token' | 'key' | 'jwt' | 'ipv4' | 'ipv6' | 'generic';

export interface Finder {
  /** The detector or user rule, as a change reports it. */
  kind: string;
  family: Family;
  find(text: string): Found[];
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The Luhn checksum every payment card number carries: a 16-digit id that fails it is not a card. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Every match of a global regex; a capture group narrows the match to that group. */
function matches(re: RegExp, text: string, accept: (value: string) => boolean = () => true, group?: number): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0] === '') continue;
    const span = group === undefined ? ([m.index, m.index + m[0].length] as const) : m.indices?.[group];
    if (!span) continue;
    if (accept(text.slice(span[0], span[1]))) found.push({ start: span[0], end: span[1] });
  }
  return found;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;
const JWT = /\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
const API_KEY =
  /\b(?:(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}|whsec_[A-Za-z0-9+/=]{8,}|xox[abposr]-[A-Za-z0-9-]{8,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|AKIA[0-9A-Z]{16}|glpat-[A-Za-z0-9_-]{20,})/g;
/** The credentials after an HTTP auth scheme, wherever the scheme is written. */
const SCHEME_CREDENTIALS = /\b(?:Bearer|Basic|Token|Digest)\s+([A-Za-z0-9._~+/=-]{6,})/dgi;
// Issuer prefixes 2–6 and 14–19 digits: millisecond timestamps (13 digits, starting with 1) are not cards.
const CARD = /(?<![\d-])[2-6](?:[ -]?\d){13,18}(?!\d)/g;
const IPV4 = /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)/g;
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:])/g;
// International (+ and digits) or written with separators: bare digit runs are ids and amounts.
const PHONE =
  /(?<![\w+])\+[1-9]\d{7,14}(?!\d)|(?<![\w.+-]|\d )(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?|\d{2,4}[ .-])\d{3,4}[ .-]\d{3,4}(?![\w.-]| \d)/g;

const isCard = (s: string) => {
  const d = digitsOf(s);
  return d.length >= 14 && d.length <= 19 && luhnValid(d);
};
const isPhone = (s: string) => {
  const n = digitsOf(s).length;
  return n >= 7 && n <= 15;
};

/** The built-in detectors, in the order they claim text (a longer, surer pattern first). */
export const DETECTOR_FINDERS: ReadonlyArray<{ detector: RedactionDetector; finder: Finder }> = [
  { detector: 'jwts', finder: { kind: 'jwts', family: 'jwt', find: (t) => matches(JWT, t) } },
  { detector: 'apiKeys', finder: { kind: 'apiKeys', family: 'key', find: (t) => matches(API_KEY, t) } },
  { detector: 'credentials', finder: { kind: 'credentials', family: 'token', find: (t) => matches(SCHEME_CREDENTIALS, t, undefined, 1) } },
  { detector: 'emails', finder: { kind: 'emails', family: 'email', find: (t) => matches(EMAIL, t) } },
  { detector: 'cards', finder: { kind: 'cards', family: 'card', find: (t) => matches(CARD, t, isCard) } },
  { detector: 'ips', finder: { kind: 'ips', family: 'ipv4', find: (t) => matches(IPV4, t, (v) => isIP(v) === 4) } },
  { detector: 'ips', finder: { kind: 'ips', family: 'ipv6', find: (t) => matches(IPV6, t, (v) => isIP(v) === 6 && /[0-9A-Fa-f]/.test(v)) } },
  { detector: 'phones', finder: { kind: 'phones', family: 'phone', find: (t) => matches(PHONE, t, isPhone) } },
];

/** A user's regular expression as a finder. */
export function regexFinder(pattern: string, caseInsensitive: boolean): Finder {
  const re = new RegExp(pattern, caseInsensitive ? 'gi' : 'g');
  return { kind: 'regex', family: 'generic', find: (t) => matches(re, t) };
}

/**
 * Finds with each finder in turn; a stretch already claimed is not claimed again, so a JWT in a
 * bearer header is one JWT, not a token too. Sorted by position.
 */
export function claim(text: string, finders: readonly Finder[]): Array<Found & { finder: Finder }> {
  // Kept sorted by start and non-overlapping, so a candidate only needs its neighbours checked.
  const claimed: Array<Found & { finder: Finder }> = [];
  for (const finder of finders) {
    for (const f of finder.find(text)) {
      let lo = 0;
      let hi = claimed.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (claimed[mid]!.start < f.start) lo = mid + 1;
        else hi = mid;
      }
      const before = claimed[lo - 1];
      const after = claimed[lo];
      if ((before && before.end > f.start) || (after && after.start < f.end)) continue;
      claimed.splice(lo, 0, { ...f, finder });
    }
  }
  return claimed;
}

/** Digits of the original replaced by the counter, the rest kept: `4242 4242 …` → `0000 0000 … 0001`. */
function maskDigits(original: string, n: number, numeric: boolean): string {
  const counter = String(n);
  let left = counter.length;
  const chars = [...original];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/\d/.test(chars[i]!)) continue;
    chars[i] = left > 0 ? counter[--left]! : '0';
  }
  const masked = chars.join('');
  // A JSON number can't start with 0.
  return numeric && masked.startsWith('0') && masked.length > 1 ? `9${masked.slice(1)}` : masked;
}

const IPV4_BLOCKS = ['192.0.2', '198.51.100', '203.0.113'];

/** The n-th placeholder of a family (n from 1). Documentation ranges for addresses (RFC 5737, 3849). */
export function placeholder(family: Family, n: number, original: string, numeric = false): string {
  switch (family) {
    case 'email':
      return `redacted-${n}@example.com`;
    case 'phone':
    case 'card':
      return maskDigits(original, n, numeric);
    case 'token':
      return `redacted-token-${n}`;
    case 'key':
      return `redacted-key-${n}`;
    case 'jwt':
      return `redacted-jwt-${n}`;
    case 'ipv4': {
      const block = IPV4_BLOCKS[Math.floor((n - 1) / 254)];
      return block ? `${block}.${((n - 1) % 254) + 1}` : `10.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
    }
    case 'ipv6':
      return `2001:db8::${n.toString(16)}`;
    case 'generic':
      return numeric ? String(n) : `redacted-${n}`;
  }
}
