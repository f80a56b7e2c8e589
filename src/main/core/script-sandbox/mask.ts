/** What a secret value is replaced with. */
export const SECRET_MASK = '••••';

/**
 * Secrets shorter than this are masked only as written (in any letter case): their encodings
 * are short enough to occur in ordinary text by chance.
 */
const MIN_ENCODED_LENGTH = 6;

/** Replaces secret values, and the common ways a script may have transformed them, in text. */
export type Masker = (text: string) => string;

/**
 * A masker for these secrets. Besides the value itself it catches, in any letter case: the value
 * as it appears inside JSON (once or twice escaped, since logged objects are JSON-formatted),
 * reversed, base64 and base64url (padded or not, also as part of a longer encoded string),
 * hex, and URL-encoded. Longer needles win, so one secret containing another is hidden whole.
 * README.md says what it cannot catch.
 */
export function createMasker(secretValues: Iterable<string>): Masker {
  const needles = needlesOf(secretValues);
  if (needles.length === 0) return (text) => text;
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'gi');
  return (text) => text.replace(pattern, SECRET_MASK);
}

/** Masks `text` once; build a `createMasker` to mask many texts with the same secrets. */
export function maskSecrets(text: string, secretValues: Iterable<string>): string {
  return createMasker(secretValues)(text);
}

/** Every string and every key inside a JSON-like value, masked. */
export function maskSecretsDeep(value: unknown, secretValues: readonly string[] | Masker): unknown {
  if (typeof secretValues !== 'function' && secretValues.length === 0) return value;
  const mask = typeof secretValues === 'function' ? secretValues : createMasker(secretValues);
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return mask(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [mask(key), walk(inner)]));
    }
    return item;
  };
  return walk(value);
}

function needlesOf(secretValues: Iterable<string>): string[] {
  const needles = new Set<string>();
  for (const secret of secretValues) {
    if (secret.length === 0) continue;
    const forms = secret.length >= MIN_ENCODED_LENGTH ? [secret, [...secret].reverse().join('')] : [secret];
    for (const form of forms) {
      const once = JSON.stringify(form).slice(1, -1);
      needles.add(form).add(once).add(JSON.stringify(once).slice(1, -1));
    }
    if (secret.length >= MIN_ENCODED_LENGTH) for (const needle of encodedForms(secret)) needles.add(needle);
  }
  return [...needles].filter((needle) => needle.length > 0).sort((a, b) => b.length - a.length);
}

function encodedForms(secret: string): string[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const forms = [utf8.toString('hex'), encodeURIComponent(secret), encodeURI(secret), encodeURIComponent(secret).replace(/%20/g, '+')];
  const base64Forms: string[] = [];
  const byteStrings = [utf8];
  // `btoa` in a script encodes a binary string: characters up to U+00FF as single bytes.
  const codes = [...secret].map((char) => char.codePointAt(0) ?? 0);
  if (codes.every((code) => code <= 0xff) && codes.some((code) => code >= 0x80)) byteStrings.push(Buffer.from(secret, 'latin1'));
  for (const bytes of byteStrings) {
    const base64 = bytes.toString('base64');
    base64Forms.push(base64, base64.replace(/=+$/, ''));
    // Inside a longer encoded string the secret starts at byte offset 0, 1 or 2 of a 3-byte group;
    // the characters that depend only on the secret's bytes are the same whatever surrounds them.
    for (let offset = 0; offset < 3; offset += 1) {
      const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
      base64Forms.push(encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6)));
    }
  }
  const base64url = base64Forms.map((form) => form.replace(/\+/g, '-').replace(/\//g, '_'));
  return [...forms, ...base64Forms, ...base64url];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
