import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The core's shape, checked on its import graph. A folder is the first path segment under
 * src/main/core; files at the root form the folder ".".
 *
 * - The folders' graph has no cycles: a domain module depends on the ones below it, never back.
 * - The root wires everything (create-core.ts, core-context.ts) and may import any folder, but no
 *   folder imports the root except its declarations, context.ts and ports.ts. Those two hold
 *   types only (every import in them is `import type`), so they add no edge a module loads.
 * - Tests and test support (`*.test.ts`, anything under a `testing/` folder) are left out: they
 *   may build a whole core.
 */
const CORE = resolve(__dirname);
const ROOT_DECLARATIONS = ['context.ts', 'ports.ts'];

const isTestSupport = (file: string) => file.endsWith('.test.ts') || file.split(sep).includes('testing');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const SPECIFIER = /^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

function specifiers(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? '');
}

/** The file a relative specifier names, or null when it leaves the core. */
function target(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  if (relative(CORE, base).startsWith('..')) return null;
  if (existsSync(`${base}.ts`)) return `${base}.ts`;
  if (existsSync(join(base, 'index.ts'))) return join(base, 'index.ts');
  throw new Error(`${relative(CORE, from)} imports ${spec}, which names no file`);
}

const folderOf = (file: string) => {
  const parts = relative(CORE, file).split(sep);
  return parts.length > 1 ? parts[0]! : '.';
};

interface Edge {
  from: string;
  to: string;
  /** One import that makes the edge, for the message. */
  example: string;
}

function folderGraph(): Edge[] {
  const edges = new Map<string, Edge>();
  for (const file of sourceFiles(CORE).filter((f) => !isTestSupport(f))) {
    for (const spec of specifiers(readFileSync(file, 'utf8')).filter((s) => s.startsWith('.'))) {
      const to = target(file, spec);
      if (!to) continue;
      const edge = { from: folderOf(file), to: folderOf(to), example: `${relative(CORE, file)} → ${relative(CORE, to)}` };
      if (edge.from !== edge.to && !edges.has(`${edge.from}>${edge.to}`)) edges.set(`${edge.from}>${edge.to}`, edge);
    }
  }
  return [...edges.values()];
}

/** The first cycle found, as its edges in order, or null. */
function findCycle(edges: Edge[]): Edge[] | null {
  const out = new Map<string, Edge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const state = new Map<string, 'open' | 'done'>();
  const path: Edge[] = [];
  const visit = (node: string): Edge[] | null => {
    state.set(node, 'open');
    for (const e of out.get(node) ?? []) {
      if (state.get(e.to) === 'open') {
        const start = path.findIndex((p) => p.from === e.to);
        return [...path.slice(start === -1 ? path.length : start), e];
      }
      if (state.get(e.to) === 'done') continue;
      path.push(e);
      const found = visit(e.to);
      if (found) return found;
      path.pop();
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of out.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

describe('the core import graph', () => {
  const edges = folderGraph();

  it('has no cycles between folders', () => {
    const cycle = findCycle(edges.filter((e) => e.from !== '.' && e.to !== '.'));
    const described = cycle?.map((e) => `  ${e.from} → ${e.to}  (${e.example})`).join('\n');
    expect(described, `folder cycle:\n${described}`).toBeUndefined();
  });

  it('lets folders import only the root declarations', () => {
    const upward = edges
      .filter((e) => e.from !== '.' && e.to === '.')
      .filter((e) => !ROOT_DECLARATIONS.includes(e.example.split(' → ')[1]!));
    expect(upward.map((e) => e.example)).toEqual([]);
  });

  it('keeps the root declarations free of runtime imports', () => {
    const runtime = ROOT_DECLARATIONS.flatMap((name) =>
      [...readFileSync(join(CORE, name), 'utf8').matchAll(/^\s*import\s+(?!type\s)[^;]*;/gm)].map((m) => `${name}: ${m[0].trim()}`),
    );
    expect(runtime).toEqual([]);
  });
});
