import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a TypeScript benchmark that imports the core's modules directly (no servers) and runs
 * it in a child process; resolves with the JSON on its `RESULT ` line. Progress goes to stderr.
 */
export async function runTsBench(entry, outDir, env = {}) {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [outfile], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) return reject(new Error(`${basename(entry)} failed (exit ${code}): ${out.slice(-2000)}`));
      resolve(JSON.parse(line.slice(7)));
    });
  });
}
