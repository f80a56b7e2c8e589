import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, ROOT } from '../main/core/testing/built-app';

/**
 * What `inlet` loads before it parses its arguments: the static imports of out/main/cli.js and of
 * every chunk they pull in. Dynamic imports (a command's action, the embedded core) are not followed.
 */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

describe('inlet cold start', () => {
  it('loads neither zod, SQLite, the script sandbox nor the core until a command needs them (--help stays fast)', () => {
    const loaded = [...staticImports(join(ROOT, 'out', 'main', 'cli.js'))];
    expect(loaded).toContain('commander');
    expect(loaded.filter((m) => /^(zod|better-sqlite3|quickjs-emscripten|cli-progress|yaml)(\/|$)/.test(m) || /create-core/.test(m))).toEqual([]);
  });
});
