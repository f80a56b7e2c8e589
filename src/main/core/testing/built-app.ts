import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Tests that run the built host or worker (real processes, real threads) read them from out/. */
export const ROOT = resolve(__dirname, '../../../..');
export const BUILT_SERVE = join(ROOT, 'out', 'main', 'serve.js');
export const BUILT_WORKER = join(ROOT, 'out', 'main', 'preprocess-worker.js');

/** A build takes well under this; a lock older than it was left by a killed run. */
const STALE_LOCK_MS = 5 * 60_000;
const LOCK = join(tmpdir(), `inlet-test-build-${Buffer.from(ROOT).toString('base64url').slice(-40)}.lock`);

/** For a `beforeAll` that may have to build. */
export const BUILD_TIMEOUT_MS = 2 * STALE_LOCK_MS;

/**
 * Builds out/ when it is missing or older than the sources, with the same check as `npm run serve`
 * and the e2e setup (scripts/serve.mjs), so a test never runs yesterday's build. Test files run in
 * parallel, so one builds while the others wait for it and then find the build fresh.
 */
export async function ensureBuilt(): Promise<void> {
  const script = pathToFileURL(join(ROOT, 'scripts', 'serve.mjs')).href;
  // Computed, so TypeScript does not type the script (as in e2e/global-setup.ts).
  const { buildIfStale } = (await import(/* @vite-ignore */ script)) as { buildIfStale(log?: (line: string) => void): boolean };
  await acquireLock();
  try {
    if (!buildIfStale((line) => process.stderr.write(`${line}\n`))) {
      throw new Error('electron-vite build failed (see the errors above); these tests need out/main');
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function acquireLock(): Promise<void> {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = statSync(LOCK, { throwIfNoEntry: false });
    if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`another test run has been building out/ for too long (lock ${LOCK})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
