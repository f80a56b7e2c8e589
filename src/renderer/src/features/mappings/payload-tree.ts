import { kindOf, pathOf, type ExprContext, type ValueKind } from '../../../../shared/expr';

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
 */
export const visibleRows = (ctx: ExprContext, toggled: ReadonlySet<string>, limit = 3000): TreeRow[] => {
  const rows: TreeRow[] = [];
  const walk = (value: unknown, segments: Array<string | number>, namespace: string) => {
    if (rows.length >= limit) return;
    const kind = kindOf(value);
    const depth = segments.length - 1;
    const path = pathOf(segments);
    const expandable = kind === 'object' || kind === 'array';
    const expanded = expandable && openByDefault(namespace, depth) !== toggled.has(path);
    const last = segments[segments.length - 1];
    const label = depth === 0 ? namespace : typeof last === 'number' ? `[${last}]` : String(last);
    rows.push({ path, depth, label, kind, preview: previewOf(value, kind), expandable, expanded });
    if (!expanded) return;
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...segments, i], namespace));
    else for (const [k, item] of Object.entries(value as Record<string, unknown>)) walk(item, [...segments, k], namespace);
  };
  for (const ns of NAMESPACES) if (!isEmpty(ctx[ns])) walk(ctx[ns], [ns], ns);
  return rows;
};

/** The row the ← key goes to: the nearest row above with a smaller depth. */
export const parentIndex = (rows: readonly TreeRow[], index: number): number => {
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) if ((rows[i]?.depth ?? 0) < depth) return i;
  return index;
};
