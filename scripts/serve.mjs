#!/usr/bin/env node
// `npm run serve`: builds when the sources are newer than the build, then runs the headless host,
// passing every argument through (`npm run serve -- --control-port 0`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out', 'main', 'serve.js');
const uiIndex = join(root, 'out', 'renderer', 'index.html');
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

function isStale() {
  if (!existsSync(entry) || !existsSync(uiIndex)) return true;
  const built = Math.min(statSync(entry).mtimeMs, statSync(uiIndex).mtimeMs);
  return inputs.some((p) => newestMtime(join(root, p)) > built);
}

if (process.env.INLET_SKIP_BUILD !== '1' && isStale()) {
  process.stdout.write('inlet serve: sources changed, building (electron-vite build)…\n');
  // The package's exports map hides its bin file from require.resolve, so point at it directly.
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('inlet serve: the build failed; see the errors above.\n');
    process.exit(build.status ?? 1);
  }
}

// Its own process group, so a terminal Ctrl+C reaches the host once (forwarded by us), not twice.
const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], {
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
