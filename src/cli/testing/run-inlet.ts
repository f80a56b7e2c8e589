import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../main/core/testing/built-app';

export const INLET_BIN = join(ROOT, 'bin', 'inlet.mjs');

export interface InletRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `inlet` binary as a user would (a child process, no shared state with the test),
 * on its own data dir; the build is the test's job (ensureBuilt), so the binary never builds.
 */
export function runInlet(dataDir: string, args: readonly string[], env: Record<string, string> = {}): Promise<InletRun> {
  const child = spawn(process.execPath, [INLET_BIN, '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, INLET_SKIP_BUILD: '1', NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  // A command that hangs fails its test instead of the whole run.
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}
