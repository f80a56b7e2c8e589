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
}

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

/**
 * The rows to draw, depth first. `toggled` holds the paths the user opened or closed, flipping
 * their default; the walk stops after `limit` rows so a huge payload cannot freeze the editor.
 * It walks with its own stack and opens nothing below MAX_JSON_DEPTH (the core parses no deeper),
 * so no shape of value can overflow the call stack.
 */
export const visibleRows = (ctx: ExprContext, toggled: ReadonlySet<string>, limit = 3000): TreeRow[] => {
  const rows: TreeRow[] = [];
  interface Pending {
    value: unknown;
    path: string;
    depth: number;
    label: string;
    namespace: string;
  }
  const stack: Pending[] = NAMESPACES.filter((ns) => !isEmpty(ctx[ns]))
    .reverse()
    .map((ns) => ({ value: ctx[ns], path: ns, depth: 0, label: ns, namespace: ns }));
  while (rows.length < limit) {
    const next = stack.pop();
    if (!next) break;
    const { value, path, depth, namespace } = next;
    const kind = kindOf(value);
    const expandable = (kind === 'object' || kind === 'array') && depth < MAX_JSON_DEPTH;
    const expanded = expandable && openByDefault(namespace, depth) !== toggled.has(path);
    rows.push({ path, depth, label: next.label, kind, preview: previewOf(value, kind), expandable, expanded });
    if (!expanded) continue;
    // A child's path is its parent's plus one segment, spelled as pathOf spells it.
    const child = (key: string | number, item: unknown): Pending => ({
      value: item,
      path: path + pathOf([namespace, key]).slice(namespace.length),
      depth: depth + 1,
      label: typeof key === 'number' ? `[${key}]` : key,
      namespace,
    });
    const children = Array.isArray(value)
      ? value.map((item: unknown, i) => child(i, item))
      : Object.entries(value as Record<string, unknown>).map(([k, item]) => child(k, item));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return rows;
};

/** The row the ← key goes to: the nearest row above with a smaller depth. */
export const parentIndex = (rows: readonly TreeRow[], index: number): number => {
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) if ((rows[i]?.depth ?? 0) < depth) return i;
  return index;
};
