#!/usr/bin/env node
// `npm start`: build, make sure the Electron runtime and an Electron-ABI better-sqlite3 exist, then
// open the desktop app. When Electron cannot be obtained or cannot run here, say why and run the
// headless host instead (same arguments), so the app still works — in the browser.
//
//   npm start -- [--data-dir <dir>] [--receiver-port <port>] [--headless | --dev]
//
// --dev runs `electron-vite dev` (renderer hot reload) with the same runtime checks and sqlite build.
//
// Environment: INLET_SKIP_BUILD=1 skips the build; INLET_ELECTRON_INSTALL_TIMEOUT_S and
// INLET_NATIVE_BUILD_TIMEOUT_S bound the one-time download and compile.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const say = (line) => process.stdout.write(`inlet start: ${line}\n`);
const seconds = (name, fallback) => Number(process.env[name]) || fallback;

const argv = process.argv.slice(2);
const forceHeadless = argv.includes('--headless');
const dev = argv.includes('--dev');
const passThrough = argv.filter((a) => a !== '--headless' && a !== '--dev');

/** Runs a command, echoing its output, and keeps the tail so a failure can be explained in one line. */
function run(command, args, { cwd = root, env = process.env, timeoutS, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    let timedOut = false;
    const keep = (chunk, out) => {
      if (!quiet) out.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', (c) => keep(c, process.stdout));
    child.stderr.on('data', (c) => keep(c, process.stderr));
    const timer = timeoutS
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, timeoutS * 1000)
      : undefined;
    child.on('error', (error) => resolve({ ok: false, reason: error.message, tail }));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ ok: true });
      if (timedOut) return resolve({ ok: false, reason: `no result within ${timeoutS} s`, tail });
      resolve({ ok: false, reason: lastMeaningfulLine(tail) || `exit code ${code}`, tail });
    });
  });
}

/** The line of a failure log that says what went wrong (not a stack frame, not npm noise). */
function lastMeaningfulLine(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && !/^gyp (ERR!|info|WARN) (stack|cwd|node -v|node-gyp -v|command|System|not ok|\$npm)/.test(l) && !/^npm (warn|WARN)/.test(l));
  const error = [...lines].reverse().find((l) => /error|ENOTFOUND|ECONN|EAI_AGAIN|ETIMEDOUT|403|404|not found/i.test(l));
  return (error ?? lines.at(-1) ?? '').slice(0, 300);
}

// ── 1. Build ────────────────────────────────────────────────────────────────────────────────────
// Via package.json: electron-vite's `exports` do not expose its bin file.
const electronViteBin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');

function build() {
  if (process.env.INLET_SKIP_BUILD === '1') return;
  say('building (electron-vite build)…');
  const bin = electronViteBin;
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    say('the build failed; see the errors above.');
    process.exit(result.status ?? 1);
  }
}

// ── 2. The Electron runtime ─────────────────────────────────────────────────────────────────────
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

/** The executable if it is on disk. Not `require('electron')`: that downloads with no time limit. */
function installedElectron() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(p) ? p : null;
  }
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/**
 * The installer only says "fetch failed"; a quick probe of the download host names the cause
 * (no DNS, refused, timed out) so the message tells the user something they can act on.
 */
async function explainDownloadFailure(reason) {
  if (!/fetch failed/i.test(reason) || process.env.ELECTRON_MIRROR) return reason;
  try {
    await fetch('https://github.com/electron/electron/releases', { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return reason;
  } catch (error) {
    const cause = error?.cause?.message ?? error?.message ?? String(error);
    return `github.com is not reachable: ${cause}`;
  }
}

/** Why Electron cannot run here, before trying (a server without a display), or null. */
function cannotRunHere() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  }
  return null;
}

async function obtainElectron() {
  const found = installedElectron();
  if (found) return { ok: true, path: found };
  const timeoutS = seconds('INLET_ELECTRON_INSTALL_TIMEOUT_S', 180);
  say(`downloading the Electron ${electronVersion} runtime (one time, from GitHub; up to ${timeoutS} s)…`);
  // Electron's own installer: it honours ELECTRON_MIRROR and the cache, and verifies checksums. Quiet,
  // because on failure it prints a stack trace; the reason is summarised below instead.
  const result = await run(process.execPath, [join(electronDir, 'install.js')], { timeoutS, quiet: true });
  if (!result.ok) return { ok: false, reason: await explainDownloadFailure(result.reason) };
  const path = installedElectron();
  return path ? { ok: true, path } : { ok: false, reason: 'the installer finished but no executable was found' };
}

// ── 3. better-sqlite3 for Electron's ABI ────────────────────────────────────────────────────────
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
// Keyed by every input of the compile, so an upgrade of either package builds a new file.
const nativeBinding = join(
  root,
  'node_modules',
  '.cache',
  'inlet',
  'native',
  `better_sqlite3-${sqliteVersion}-electron-${electronVersion}-${process.platform}-${process.arch}.node`,
);

function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    (() => {
      try {
        return require.resolve('node-gyp/bin/node-gyp.js');
      } catch {
        return undefined;
      }
    })(),
    // The copy bundled with npm, next to this node.
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const script = candidates.find((p) => p && existsSync(p));
  if (script) return [process.execPath, [script]];
  return [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp']];
}

/** node-gyp must see Electron's headers, not a Node header dir an npmrc (`nodedir`) points at. */
function gypEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|dist_url|disturl|arch|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

const gypDevDir = join(root, 'node_modules', '.cache', 'inlet', 'electron-gyp');
const headersUrl = `https://electronjs.org/headers/v${electronVersion}/node-v${electronVersion}-headers.tar.gz`;

/** node-gyp hides the network error behind a generic message; find it out first, in one line. */
async function headersUnreachable() {
  if (existsSync(join(gypDevDir, electronVersion, 'include', 'node', 'node.h'))) return null;
  try {
    const response = await fetch(headersUrl, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
    return response.ok ? null : `${headersUrl} answered ${response.status}`;
  } catch (error) {
    return `Electron's headers could not be downloaded from electronjs.org: ${error?.cause?.message ?? error?.message ?? String(error)}`;
  }
}

async function obtainNativeBinding() {
  if (existsSync(nativeBinding)) return { ok: true };
  const unreachable = await headersUnreachable();
  if (unreachable) return { ok: false, reason: unreachable };
  const timeoutS = seconds('INLET_NATIVE_BUILD_TIMEOUT_S', 900);
  say(`compiling better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (one time; needs Electron's headers and a C++ toolchain)…`);
  const work = mkdtempSync(join(tmpdir(), 'inlet-sqlite-'));
  try {
    // A copy, so the Node build in node_modules (tests, headless host) is never touched.
    const copy = join(work, 'better-sqlite3');
    cpSync(sqliteDir, copy, { recursive: true, filter: (src) => !src.startsWith(join(sqliteDir, 'build') + sep) && src !== join(sqliteDir, 'build') });
    const [cmd, pre] = nodeGyp();
    const result = await run(
      cmd,
      [
        ...pre,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
        `--devdir=${gypDevDir}`,
      ],
      // Quiet: a compile prints hundreds of lines; on failure the tail is shown.
      { cwd: copy, env: gypEnv(), timeoutS, quiet: true },
    );
    if (!result.ok) {
      process.stderr.write(`${result.tail.split('\n').slice(-25).join('\n')}\n`);
      return result;
    }
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) return { ok: false, reason: `node-gyp finished but ${built} is missing` };
    mkdirSync(dirname(nativeBinding), { recursive: true });
    // Copy then rename, so an interrupted start never leaves a half-written module to load later.
    cpSync(built, `${nativeBinding}.partial`);
    renameSync(`${nativeBinding}.partial`, nativeBinding);
    return { ok: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ── 4. Run ──────────────────────────────────────────────────────────────────────────────────────
/**
 * Runs a child in its own process group and forwards Ctrl+C once: the terminal would otherwise
 * signal it directly too, and a second SIGINT skips the app's clean close.
 */
function supervise(command, args, env, { onEarlyExit } = {}) {
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: onEarlyExit ? ['inherit', 'inherit', 'pipe'] : 'inherit',
    detached: process.platform !== 'win32',
  });
  let stderrTail = '';
  child.stderr?.on('data', (chunk) => {
    process.stderr.write(chunk);
    stderrTail = (stderrTail + chunk.toString()).slice(-4000);
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (error) => {
    if (onEarlyExit) onEarlyExit(error.message);
    else process.exit(1);
  });
  child.on('exit', (code, signal) => {
    // A runtime that cannot start here (missing system libraries) dies within seconds, before any window.
    if (onEarlyExit && code !== 0 && !signal && Date.now() - started < 5000) {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      return onEarlyExit(lastMeaningfulLine(stderrTail) || `exit code ${code}`);
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}

function startHeadless(why, hint) {
  say(`${why}; starting the headless host instead — open the UI URL below in your browser.`);
  if (hint) say(hint);
  if (dev) build();
  const serveScript = join(root, 'scripts', 'serve.mjs');
  const args = existsSync(serveScript) ? [serveScript, ...passThrough] : [join(root, 'out', 'main', 'serve.js'), ...passThrough];
  // Already built above.
  supervise(process.execPath, args, { ...process.env, INLET_SKIP_BUILD: '1' });
}

async function main() {
  // The dev server builds on the fly; the headless fallback still needs a build, done then.
  if (!dev) build();
  if (forceHeadless) return startHeadless('--headless was given');

  const electron = await obtainElectron();
  if (!electron.ok) {
    return startHeadless(
      `Electron's runtime could not be downloaded (${electron.reason})`,
      'To get the desktop app later: run `npm start` again when github.com is reachable, or set ELECTRON_MIRROR to a mirror you can reach.',
    );
  }
  const blocked = cannotRunHere();
  if (blocked) return startHeadless(`Electron cannot run here (${blocked})`);

  const native = await obtainNativeBinding();
  if (!native.ok) {
    return startHeadless(
      `Electron's runtime could not be prepared (building better-sqlite3 for Electron failed: ${native.reason})`,
      'The build needs electronjs.org (headers), Python 3 and a C++ compiler; `npm start` tries again next time.',
    );
  }

  const env = { ...process.env, INLET_SQLITE_BINDING: nativeBinding };
  // Set by some tools; it would make Electron behave as plain Node and never open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  if (dev) {
    say(`starting electron-vite dev with Electron ${electronVersion}…`);
    // Arguments after `--` reach the app; electron-vite spawns the Electron found in node_modules.
    return supervise(process.execPath, [electronViteBin, 'dev', '--', ...passThrough], env);
  }
  say(`starting Electron ${electronVersion}…`);
  supervise(electron.path, [join(root, 'out', 'main', 'index.js'), ...passThrough], env, {
    onEarlyExit: (reason) => startHeadless(`Electron could not start (${reason})`),
  });
}

main().catch((error) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
