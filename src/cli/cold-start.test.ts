import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../main/core/testing/built-app';
import { controlApi } from '../main/host/testing/host-process';
import { builtInletDataDirs, hostStoppedAfterEach } from './testing/cli-test-setup';
import { runInlet } from './testing/run-inlet';

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

const freshDir = builtInletDataDirs('inlet-cold-start-');

describe('inlet cold start', () => {
  it('loads neither zod, SQLite, the script sandbox nor the core until a command needs them (--help stays fast)', () => {
    const loaded = [...staticImports(join(ROOT, 'out', 'main', 'cli.js'))];
    expect(loaded).toContain('commander');
    expect(loaded.filter((m) => /^(zod|better-sqlite3|quickjs-emscripten|cli-progress|yaml)(\/|$)/.test(m) || /create-core/.test(m))).toEqual([]);
  });
});

describe('inlet attached to a running host', () => {
  const dir = freshDir();
  const hosts = hostStoppedAfterEach();

  /** Node's own modules a command loaded, as `process.moduleLoadList` names them when it exits. */
  async function builtinsLoaded(dataDir: string, args: string[]): Promise<string[]> {
    const out = join(dir, `modules-${args[0]}.json`);
    const preload = join(dir, 'record-modules.mjs');
    writeFileSync(preload, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`);
    const run = await runInlet(dataDir, args, { NODE_OPTIONS: `--import=${preload}` });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as string[];
  }

  it('send and events --json call the control API without fetch (undici and its web streams stay unloaded)', async () => {
    const dataDir = join(dir, 'data');
    const host = await hosts.start(dataDir);
    const call = controlApi(host.ready);
    await call('sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { development: 'whsec_aW5sZXQtY29sZC1zdGFydC10ZXN0' } });
    for (const args of [['send', 'stripe', 'invoice.paid', '--json'], ['events', '--json']]) {
      const loaded = await builtinsLoaded(dataDir, args);
      expect(loaded, args.join(' ')).toContain('NativeModule http');
      expect(loaded.filter((m) => /undici|webstreams\/readablestream/.test(m)), args.join(' ')).toEqual([]);
    }
  }, 60_000);
});
