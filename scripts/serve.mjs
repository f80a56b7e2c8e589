#!/usr/bin/env node
// `npm run serve`: builds when the sources are newer than the build, then runs the headless host,
// passing every argument through (`npm run serve -- --control-port 0`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out', 'main', 'serve.js');
const uiIndex = join(root, 'out', 'renderer', 'index.html');
const cliEntry = join(root, 'out', 'main', 'cli.js');
const inputs = ['src', 'electron.vite.config.ts', 'package.json', 'tsconfig.base.json'];

/** Newest mtime under a path; stats only, so it stays fast on every start. */
function newestMtime(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.endsWith('.test.ts') || name.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function isBuildStale() {
  if (!existsSync(entry) || !existsSync(uiIndex) || !existsSync(cliEntry)) return true;
  const built = Math.min(statSync(entry).mtimeMs, statSync(uiIndex).mtimeMs, statSync(cliEntry).mtimeMs);
  return inputs.some((p) => newestMtime(join(root, p)) > built);
}

/** Runs `electron-vite build` when the build is missing or older than the sources; false if it failed. */
export function buildIfStale(log = (line) => process.stdout.write(`${line}\n`), { stdio = 'inherit' } = {}) {
  if (process.env.INLET_SKIP_BUILD === '1' || !isBuildStale()) return true;
  log('inlet serve: sources changed, building (electron-vite build)…');
  // The package's exports map hides its bin file from require.resolve, so point at it directly.
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  return spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio }).status === 0;
}

function main() {
  if (!buildIfStale()) {
    process.stderr.write('inlet serve: the build failed; see the errors above.\n');
    process.exit(1);
  }
  // Its own process group, so a terminal Ctrl+C reaches the host once (forwarded by us), not twice.
  // V8 flags the host runs with (why: src/main/host/node-flags.json).
  const { flags } = JSON.parse(readFileSync(join(root, 'src', 'main', 'host', 'node-flags.json'), 'utf8'));
  const child = spawn(process.execPath, [...flags, entry, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    detached: process.platform !== 'win32',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// Also imported by the e2e setup for `buildIfStale`; only run the host when executed directly.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
