import type { FieldShape, PayloadShape, ShapeDrift } from '../../../shared/domain/shape';
import { formatPath, parseExpr, type ExprNode, type PathNode } from '../../../shared/expr';

/** Events in a row without a field before "it stopped appearing" is said. */
export const MISSING_AFTER = 3;
/** A field counts as usual when it was in at least this share of the events up to its last sighting. */
const USUAL_SHARE = 0.9;

/** The body paths an expression reads, with indexes spelled `[*]` as shapes record array items. */
export function bodyPathsOf(source: string): string[] {
  const parsed = parseExpr(source);
  if (!parsed.ok) return [];
  const paths: PathNode[] = [];
  const walk = (node: ExprNode): void => {
    if (node.type === 'path') paths.push(node);
    else if (node.type === 'template') node.parts.forEach((p) => typeof p !== 'string' && walk(p));
    else if (node.type === 'fallback') node.alternatives.forEach(walk);
    else if (node.type === 'object') node.entries.forEach(([, v]) => walk(v));
    else if (node.type === 'array') node.items.forEach(walk);
  };
  walk(parsed.ast);
  return paths
    .filter((p) => p.namespace === 'body')
    .map((p) => formatPath('body', p.segments.map((s) => (s.kind === 'index' ? { kind: 'wildcard' } : s))));
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function driftOf(field: FieldShape, shape: PayloadShape): ShapeDrift | null {
  const absentFor = shape.eventCount - field.lastSeen;
  if (absentFor >= MISSING_AFTER && field.seen >= USUAL_SHARE * field.lastSeen) {
    return {
      path: field.path,
      kind: 'missing',
      message: `${field.path} has not appeared in the last ${plural(absentFor, 'event')} (it was in ${field.seen} of the ${field.lastSeen} before)`,
    };
  }
  const latest = field.types.reduce((a, b) => (b.lastSeen > a.lastSeen ? b : a));
  const replaced = field.types.filter((t) => t.lastSeen < latest.firstSeen);
  if (replaced.length === 0 || latest.lastSeen !== field.lastSeen) return null;
  return {
    path: field.path,
    kind: 'type_changed',
    message: `${field.path} changed from ${replaced.map((t) => t.type).join(' or ')} to ${latest.type} in the last ${plural(shape.eventCount - latest.firstSeen + 1, 'event')}`,
  };
}

/**
 * Fields a mapping reads that recent events dropped or changed the type of. A field never seen at
 * all is not drift (the editor says that on its own); a field that comes and goes is not either.
 */
export function driftFor(shape: PayloadShape, paths: readonly string[]): ShapeDrift[] {
  const fields = new Map(shape.fields.map((f) => [f.path, f]));
  const out: ShapeDrift[] = [];
  for (const path of new Set(paths)) {
    const field = fields.get(path);
    const drift = field && driftOf(field, shape);
    if (drift) out.push(drift);
  }
  return out;
}
