import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { FreshValue } from '../../../shared/domain/template';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 24 random alphanumerics, the length of Stripe-style object ids. */
export function randomToken(length = 24): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

/** The new value for one fresh spec at `now` (ms). Numbers stay numbers, as providers send them. */
export function freshValue(spec: FreshValue, now: number): string | number {
  switch (spec.kind) {
    case 'id':
      return `${spec.prefix}${randomToken()}`;
    case 'uuid':
      return `${spec.prefix}${randomUUID()}`;
    case 'int':
      return randomInt(100_000_000, 999_999_999);
    case 'unix_s':
      return Math.floor(now / 1000);
    case 'unix_ms':
      return now;
    case 'iso':
      return new Date(now).toISOString();
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Sets `value` at a dotted path, `*` fanning out over list items; missing parents are left alone. */
function setAt(target: unknown, segments: readonly string[], make: () => unknown): void {
  const [head, ...rest] = segments;
  if (head === undefined || !isRecord(target)) return;
  const keys = head === '*' ? (Array.isArray(target) ? target.map((_, i) => String(i)) : []) : [head];
  for (const key of keys) {
    const holder = target as Record<string, unknown>;
    if (rest.length === 0) {
      if (key in holder) holder[key] = make();
    } else setAt(holder[key], rest, make);
  }
}

/**
 * Headers and JSON body with every fresh value renewed. The body is a deep copy; values that are
 * absent from the sample are not added (a spec is about the provider's shape, not this sample's).
 */
export function applyFresh(specs: readonly FreshValue[], headers: Record<string, string>, body: unknown, now: number) {
  const outHeaders = { ...headers };
  const outBody: unknown = body === undefined ? undefined : structuredClone(body);
  for (const spec of specs) {
    if (spec.in === 'header') {
      if (spec.key in outHeaders) outHeaders[spec.key] = String(freshValue(spec, now));
    } else setAt(outBody, spec.key.split('.'), () => freshValue(spec, now));
  }
  return { headers: outHeaders, body: outBody };
}
