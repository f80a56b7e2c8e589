import type { FieldShape, FieldType } from '../../../shared/domain/shape';
import { pathOf } from '../../../shared/expr';

/** Bounds that keep learning a shape cheap whatever a sender posts. */
export interface ShapeLimits {
  /** Paths tracked per shape; later new paths are dropped (the shape says it is truncated). */
  maxFields: number;
  /** Levels below the payload's root that are walked. */
  maxDepth: number;
  /** Items looked at per array (the first ones). */
  maxArrayItems: number;
  /** Values visited per event, whatever the payload's size. */
  maxNodes: number;
  maxExamples: number;
  maxExampleChars: number;
}

export const DEFAULT_SHAPE_LIMITS: ShapeLimits = {
  maxFields: 2_000,
  maxDepth: 16,
  maxArrayItems: 20,
  maxNodes: 5_000,
  maxExamples: 3,
  maxExampleChars: 60,
};

/** A shape being learned: fields by path, mutated in place by `observe`. */
export interface ShapeState {
  eventCount: number;
  truncated: boolean;
  fields: Map<string, FieldShape>;
}

export const emptyShape = (): ShapeState => ({ eventCount: 0, truncated: false, fields: new Map() });

export const shapeFromFields = (eventCount: number, truncated: boolean, fields: readonly FieldShape[]): ShapeState => ({
  eventCount,
  truncated,
  fields: new Map(fields.map((f) => [f.path, f])),
});

export const typeOf = (v: unknown): FieldType => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
};

/** `parent` + one key, spelled as mapping paths spell it (`.key` or `["odd key"]`). */
const childPath = (parent: string, key: string): string => parent + pathOf(['body', key]).slice('body'.length);

type Example = FieldShape['examples'][number];

const exampleOf = (v: unknown, limits: ShapeLimits): Example | undefined => {
  if (typeof v === 'string') return v.length > limits.maxExampleChars ? `${v.slice(0, limits.maxExampleChars - 1)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return undefined;
};

/**
 * Adds one event's payload to `shape`, rooted at `root` (`body`). A path counts once per event
 * however many array items carry it; cost is bounded by `maxNodes`, memory by `maxFields`.
 */
export function observe(shape: ShapeState, payload: unknown, limits: ShapeLimits = DEFAULT_SHAPE_LIMITS, root = 'body'): void {
  const ordinal = ++shape.eventCount;
  const touched = new Set<string>();
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: payload, path: root, depth: 0 }];
  let visited = 0;
  while (stack.length > 0 && visited < limits.maxNodes) {
    const { value, path, depth } = stack.pop()!;
    visited += 1;
    record(shape, path, value, ordinal, touched, limits);
    if (depth >= limits.maxDepth) continue;
    if (Array.isArray(value)) {
      const items = value.length > limits.maxArrayItems ? value.slice(0, limits.maxArrayItems) : value;
      for (const item of items) stack.push({ value: item, path: `${path}[*]`, depth: depth + 1 });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: childPath(path, key), depth: depth + 1 });
    }
  }
}

function record(shape: ShapeState, path: string, value: unknown, ordinal: number, touched: Set<string>, limits: ShapeLimits): void {
  let field = shape.fields.get(path);
  if (!field) {
    if (shape.fields.size >= limits.maxFields) {
      shape.truncated = true;
      return;
    }
    field = { path, seen: 0, lastSeen: 0, types: [], examples: [] };
    shape.fields.set(path, field);
  }
  const type = typeOf(value);
  const firstTouch = !touched.has(path);
  if (firstTouch) {
    touched.add(path);
    field.seen += 1;
    field.lastSeen = ordinal;
  }
  const stat = field.types.find((t) => t.type === type);
  if (!stat) field.types.push({ type, count: 1, firstSeen: ordinal, lastSeen: ordinal });
  else if (stat.lastSeen !== ordinal) {
    stat.count += 1;
    stat.lastSeen = ordinal;
  }
  const example = exampleOf(value, limits);
  if (example !== undefined && field.examples.length < limits.maxExamples && !field.examples.includes(example)) field.examples.push(example);
}

/** Fields sorted by path, for storage and display. */
export const fieldsOf = (shape: ShapeState): FieldShape[] => [...shape.fields.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
