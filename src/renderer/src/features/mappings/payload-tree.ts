import { kindOf, pathOf, type ExprContext, type ValueKind } from '../../../../shared/expr';
import { MAX_JSON_DEPTH } from '../../../../shared/json/nesting';

/** One visible line of the sample tree. `path` is what a click inserts (via `pathOf`). */
export interface TreeRow {
  path: string;
  depth: number;
  label: string;
  kind: ValueKind;
  preview: string;
  expandable: boolean;
  expanded: boolean;
  /**
   * Set on a "Show N more" line instead of a value: `parent` is the container it continues (''
   * for the whole tree, cut at the row budget), `count` how many more one activation shows.
   */
  more?: { parent: string; count: number; remaining: number | null };
}

/** Children shown per object or array before a "Show more" line; each activation shows this many more. */
export const CHILD_PAGE = 100;
/** Rows drawn before the whole tree continues behind a "Show more" line. */
export const ROW_BUDGET = 1000;

const NAMESPACES = ['body', 'headers', 'query', 'preprocess'] as const;

/** Body opens a few levels deep; headers, query and script output start closed. */
const openByDefault = (namespace: string, depth: number): boolean => namespace === 'body' && depth < 4;

const previewOf = (v: unknown, kind: ValueKind): string => {
  if (kind === 'object') return `{${Object.keys(v as object).length}}`;
  if (kind === 'array') return `[${(v as unknown[]).length}]`;
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 79)}…"` : text;
};

const isEmpty = (v: unknown): boolean =>
  v === undefined || (kindOf(v) === 'object' && Object.keys(v as object).length === 0);

/** The first `n` entries of an object or array, without listing the rest. */
function firstEntries(value: unknown, n: number): { entries: Array<[string | number, unknown]>; total: number } {
  if (Array.isArray(value)) return { entries: value.slice(0, n).map((item: unknown, i) => [i, item]), total: value.length };
  const entries: Array<[string, unknown]> = [];
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (const key of keys) {
    if (entries.length >= n) break;
    entries.push([key, record[key]]);
  }
  return { entries, total: keys.length };
}

const moreRow = (parent: string, depth: number, remaining: number | null, page: number): TreeRow => {
  const count = remaining === null ? page : Math.min(page, remaining);
  return {
    path: `${parent}\u0000more`,
    depth,
    label: remaining === null ? 'Show more of the sample' : `Show ${count.toLocaleString('en-US')} more`,
    kind: 'null',
    preview: remaining === null ? '' : `${remaining.toLocaleString('en-US')} not shown`,
    expandable: false,
    expanded: false,
    more: { parent, count, remaining },
  };
};

export interface TreeLimits {
  /** How many children a container shows, where the user asked for more than `CHILD_PAGE`. */
  shown?: ReadonlyMap<string, number>;
  /** Rows before the tree continues behind a "Show more" line. */
  budget?: number;
}

/**
 * The rows to draw, depth first; `toggled` holds the paths the user opened or closed, flipping
 * their default. A container shows its first `CHILD_PAGE` children (or as many as
 * asked for) then a "Show N more" line, and the walk stops at the row budget with a "Show more"
 * line, so a 5 MB body builds and draws about a thousand rows, not one per value. It walks with
 * its own stack and opens nothing below MAX_JSON_DEPTH (the core parses no deeper), so no shape of
 * value can overflow the call stack.
 */
export const visibleRows = (ctx: ExprContext, toggled: ReadonlySet<string>, { shown = new Map(), budget = ROW_BUDGET }: TreeLimits = {}): TreeRow[] => {
  const rows: TreeRow[] = [];
  interface Pending {
    value: unknown;
    path: string;
    depth: number;
    label: string;
    namespace: string;
    more?: TreeRow;
  }
  const stack: Pending[] = NAMESPACES.filter((ns) => !isEmpty(ctx[ns]))
    .reverse()
    .map((ns) => ({ value: ctx[ns], path: ns, depth: 0, label: ns, namespace: ns }));
  while (rows.length < budget) {
    const next = stack.pop();
    if (!next) break;
    if (next.more) {
      rows.push(next.more);
      continue;
    }
    const { value, path, depth, namespace } = next;
    const kind = kindOf(value);
    const expandable = (kind === 'object' || kind === 'array') && depth < MAX_JSON_DEPTH;
    const expanded = expandable && openByDefault(namespace, depth) !== toggled.has(path);
    rows.push({ path, depth, label: next.label, kind, preview: previewOf(value, kind), expandable, expanded });
    if (!expanded) continue;
    const { entries, total } = firstEntries(value, Math.max(CHILD_PAGE, shown.get(path) ?? CHILD_PAGE));
    // Pushed first, so it is drawn after the children (and everything open under them).
    if (entries.length < total) stack.push({ value: null, path, depth, label: '', namespace, more: moreRow(path, depth + 1, total - entries.length, CHILD_PAGE) });
    // A child's path is its parent's plus one segment, spelled as pathOf spells it.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      stack.push({
        value: item,
        path: path + pathOf([namespace, key]).slice(namespace.length),
        depth: depth + 1,
        label: typeof key === 'number' ? `[${key}]` : key,
        namespace,
      });
    }
  }
  if (stack.length > 0) rows.push(moreRow('', 0, null, ROW_BUDGET));
  return rows;
};

/** The row the ← key goes to: the nearest row above with a smaller depth. */
export const parentIndex = (rows: readonly TreeRow[], index: number): number => {
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) if ((rows[i]?.depth ?? 0) < depth) return i;
  return index;
};
