import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Starts a Node child and resolves with the JSON on its `<MARKER> {json}` stdout line. Output is kept
 * (not echoed) so a failure can show it; `stop()` ends the child by its own pid and waits for it.
 */
export function startChild(script, args, marker, { cwd, timeoutMs = 60_000, nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      // A host that hangs on close must not hang the benchmark.
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith(`${marker} `));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(marker.length + 1)));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, ready, stop, output: () => output };
}

/** The V8 flags `inlet serve` and `npm run serve` start the headless host with (src/main/host/node-flags.json). */
export function hostNodeFlags() {
  const file = new URL('../../src/main/host/node-flags.json', import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')).flags;
}
