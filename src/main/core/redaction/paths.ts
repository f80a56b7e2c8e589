import type { JsonPathPart } from './json-spans';

/** A path rule read: a query parameter, or segments into the body (`*` is any one key or index). */
export type PathRule = { area: 'query'; name: string } | { area: 'body'; segments: string[] };

/** `data.object.email`, `$.items[*].card`, `body.items.0.card`, `query.token`. */
export function parsePathRule(path: string): PathRule {
  const text = path.trim().replace(/^\$\.?/, '');
  if (text.startsWith('query.')) return { area: 'query', name: text.slice('query.'.length) };
  const segments = text
    .replace(/^body(\.|$)/, '')
    .replace(/\[(\*|\d+)\]/g, '.$1')
    .replace(/\[["']([^"']*)["']\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
  return { area: 'body', segments };
}

/** A rule names this value or one of the objects and lists it sits in. */
export function pathMatches(rule: readonly string[], path: readonly JsonPathPart[]): boolean {
  if (rule.length === 0 || rule.length > path.length) return false;
  return rule.every((segment, i) => segment === '*' || segment === String(path[i]));
}

/** How a change names where it happened: `data.items[0].email`. */
export function formatPath(path: readonly JsonPathPart[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
