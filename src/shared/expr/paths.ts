import { NAMESPACES, type Namespace, type Segment } from './ast';

/** A key that can be written after a dot; anything else is written as `["…"]`. */
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

const formatSegment = (s: Segment): string => {
  if (s.kind === 'wildcard') return '[*]';
  if (s.kind === 'index') return `[${s.index}]`;
  // Digit keys and indexes look up the same thing on both shapes, so they share one spelling.
  if (/^(0|[1-9][0-9]{0,14})$/.test(s.key)) return `[${s.key}]`;
  return PLAIN_KEY.test(s.key) ? `.${s.key}` : `[${JSON.stringify(s.key)}]`;
};

/** The canonical spelling of a path: `body.data["first name"].items[0]`. */
export const formatPath = (namespace: Namespace, segments: readonly Segment[]): string =>
  namespace + segments.map(formatSegment).join('');

export const isNamespace = (s: unknown): s is Namespace =>
  typeof s === 'string' && (NAMESPACES as readonly string[]).includes(s);

/**
 * The expression for a value clicked in a JSON tree: `pathOf(['body', 'data', 'first name', 0])`
 * → `body.data["first name"][0]`. Strings are keys, numbers are array indexes; the first element
 * must be a namespace. Throws on a bad namespace because that is a programming error in the caller.
 */
export const pathOf = (segments: ReadonlyArray<string | number>): string => {
  const [head, ...rest] = segments;
  if (!isNamespace(head)) throw new Error(`pathOf: the first segment must be a namespace, got ${String(head)}`);
  return formatPath(
    head,
    rest.map((s): Segment => (typeof s === 'number' ? { kind: 'index', index: s } : { kind: 'key', key: s })),
  );
};

export type ValueKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'missing';

/** The kind of a payload value, as errors and the editor name it. */
export const kindOf = (v: unknown): ValueKind => {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  return 'object';
};

export interface ListedPath {
  path: string;
  kind: ValueKind;
  /** Leaf values only, for a preview next to the path. */
  value?: string | number | boolean | null;
}

export interface ListPathsOptions {
  /** Stop descending below this depth (default 12). */
  maxDepth?: number;
  /** Stop after this many paths (default 2,000), so a huge payload cannot freeze the editor. */
  limit?: number;
}

/**
 * Every path in a value, depth first, parents before children: the suggestions list of the editor.
 * `listPaths(event.body, 'body')` → `body`, `body.id`, `body.data`, `body.data.object`, …
 */
export const listPaths = (value: unknown, namespace: Namespace, options: ListPathsOptions = {}): ListedPath[] => {
  const maxDepth = options.maxDepth ?? 12;
  const limit = options.limit ?? 2000;
  const out: ListedPath[] = [];
  const walk = (v: unknown, segments: Segment[]): void => {
    if (out.length >= limit) return;
    const kind = kindOf(v);
    const path = formatPath(namespace, segments);
    if (kind === 'object' || kind === 'array') out.push({ path, kind });
    else out.push({ path, kind, value: v as string | number | boolean | null });
    if (segments.length >= maxDepth) return;
    if (Array.isArray(v)) v.forEach((item, index) => walk(item, [...segments, { kind: 'index', index }]));
    else if (kind === 'object') {
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) walk(item, [...segments, { kind: 'key', key }]);
    }
  };
  walk(value, []);
  return out;
};
