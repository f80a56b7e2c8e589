import type { EventDetail } from '../../../../shared/domain/event';

export type DiffSide = Pick<EventDetail, 'headers' | 'query' | 'bodyText' | 'bodyBase64'>;

export interface ValueChange {
  /** A header name, or a JSON path such as `data.object.amount_paid` / `items[0]`. */
  name: string;
  /** Absent on that side: null. Values are shown as JSON text. */
  before: string | null;
  after: string | null;
}

export type BodyDiff =
  | { kind: 'same' }
  | { kind: 'json'; changes: ValueChange[]; truncated: boolean }
  | { kind: 'lines'; lines: Array<{ op: 'same' | 'add' | 'del'; text: string }> }
  | { kind: 'other'; beforeBytes: number; afterBytes: number };

export interface RequestDiff {
  headers: ValueChange[];
  query: ValueChange | null;
  body: BodyDiff;
  /** Nothing differs at all. */
  same: boolean;
}

/** Leaf changes listed at most; a diff of two unrelated payloads is not read line by line. */
const MAX_CHANGES = 200;
/** Line diffs are quadratic: past this many lines either side, only the sizes are compared. */
const MAX_LINES = 1500;

function headerRecord(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    out.set(key, out.has(key) ? `${out.get(key)}, ${value}` : value);
  }
  return out;
}

function headerChanges(before: DiffSide['headers'], after: DiffSide['headers']): ValueChange[] {
  const a = headerRecord(before);
  const b = headerRecord(after);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((n) => a.get(n) !== b.get(n)).map((name) => ({ name, before: a.get(name) ?? null, after: b.get(name) ?? null }));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const keyPath = (base: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`);

/** Leaf-level changes between two JSON values, in document order of the newer one. */
function jsonChanges(a: unknown, b: unknown, path: string, out: ValueChange[]): void {
  if (out.length > MAX_CHANGES) return;
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) jsonChanges(a[key], b[key], keyPath(path, key), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) jsonChanges(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ name: path || '(the whole body)', before: show(a), after: show(b) });
}

const parseJson = (text: string | null): { ok: true; value: unknown } | { ok: false } => {
  if (text === null || text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
};

/** A line diff by longest common subsequence (both sides are bounded by MAX_LINES). */
function lineDiff(a: string[], b: string[]): Array<{ op: 'same' | 'add' | 'del'; text: string }> {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: Array<{ op: 'same' | 'add' | 'del'; text: string }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i++]! });
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'del', text: a[i++]! });
    else out.push({ op: 'add', text: b[j++]! });
  }
  while (i < a.length) out.push({ op: 'del', text: a[i++]! });
  while (j < b.length) out.push({ op: 'add', text: b[j++]! });
  return out;
}

function bodyDiff(before: DiffSide, after: DiffSide): BodyDiff {
  if (before.bodyText !== null && before.bodyText === after.bodyText) return { kind: 'same' };
  if (before.bodyText === null && after.bodyText === null && before.bodyBase64 === after.bodyBase64) return { kind: 'same' };
  const a = parseJson(before.bodyText);
  const b = parseJson(after.bodyText);
  if (a.ok && b.ok) {
    const changes: ValueChange[] = [];
    jsonChanges(a.value, b.value, '', changes);
    // Same values, other bytes (spacing, key order): shown as lines, since that is the difference.
    if (changes.length > 0) return { kind: 'json', changes: changes.slice(0, MAX_CHANGES), truncated: changes.length > MAX_CHANGES };
  }
  if (before.bodyText !== null && after.bodyText !== null) {
    const al = before.bodyText.split('\n');
    const bl = after.bodyText.split('\n');
    if (al.length <= MAX_LINES && bl.length <= MAX_LINES) return { kind: 'lines', lines: lineDiff(al, bl) };
  }
  const size = (s: DiffSide) => (s.bodyText !== null ? new TextEncoder().encode(s.bodyText).length : Math.floor((s.bodyBase64.length * 3) / 4));
  return { kind: 'other', beforeBytes: size(before), afterBytes: size(after) };
}

/** What the replay sent differently from its original: headers, query and body. */
export function requestDiff(before: DiffSide, after: DiffSide): RequestDiff {
  const headers = headerChanges(before.headers, after.headers);
  const query = before.query === after.query ? null : { name: 'query', before: before.query || null, after: after.query || null };
  const body = bodyDiff(before, after);
  return { headers, query, body, same: headers.length === 0 && query === null && body.kind === 'same' };
}
