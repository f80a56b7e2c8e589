import { ApiFailure, type ApiIssue } from '../../../shared/api/result';

/** One `--set path=value`: a dotted path (`data.object.amount_paid`, `items[0].id` or `items.0.id`) and a JSON value. */
export interface PayloadOverride {
  path: string;
  value: unknown;
}

const SEGMENT = /^[^.[\]]+$/;

/** `a.b[0].c` → ['a', 'b', 0, 'c']; null when the path can't be read. */
export function parseOverridePath(path: string): Array<string | number> | null {
  const segments: Array<string | number> = [];
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (!SEGMENT.test(part)) return null;
    segments.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  return segments.length > 0 ? segments : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why one override can't apply to `body`, or null once it has (mutating `body`). */
function applyOne(body: unknown, { path, value }: PayloadOverride): string | null {
  const segments = parseOverridePath(path);
  if (!segments) return `"${path}" is not a path; write it like data.object.amount or items[0].id`;
  let parent: unknown = body;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    const where = segments.slice(0, i).join('.') || 'the body';
    if (Array.isArray(parent)) {
      if (typeof segment !== 'number' || segment > parent.length) return `${where} is a list of ${parent.length}; "${String(segment)}" is not one of its positions`;
      if (last) parent[segment] = value;
      else parent = parent[segment];
    } else if (isRecord(parent)) {
      const key = String(segment);
      if (last) parent[key] = value;
      else if (!(key in parent)) return `${[...segments.slice(0, i), key].join('.')} is not in the payload (only the last part of a path may be new)`;
      else parent = parent[key];
    } else {
      return `${where} is ${parent === null ? 'null' : typeof parent}, so it has no "${String(segment)}"`;
    }
  }
  return null;
}

/**
 * A copy of a JSON body with each override applied in order. Every override is checked; any that
 * can't apply is an `invalid_input` naming it, and nothing is sent.
 */
export function applyOverrides(body: unknown, overrides: readonly PayloadOverride[]): unknown {
  if (overrides.length === 0) return body;
  if (typeof body === 'string' || !(isRecord(body) || Array.isArray(body))) {
    throw new ApiFailure('invalid_input', 'Overrides need a JSON payload; this one is sent as text, so pass the whole body instead', [
      { path: ['overrides'], message: 'the payload is not JSON' },
    ]);
  }
  const copy: unknown = structuredClone(body);
  const issues: ApiIssue[] = [];
  overrides.forEach((override, i) => {
    const problem = applyOne(copy, override);
    if (problem) issues.push({ path: ['overrides', i, 'path'], message: problem });
  });
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new ApiFailure('invalid_input', `Can't set ${overrides[Number(first.path[1])]?.path}: ${first.message}`, issues);
  }
  return copy;
}
