import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BUILT_SERVE } from '../../core/testing/built-app';

/** What a headless host prints on its `INLET_READY {json}` line. */
export interface Ready {
  receiverUrl: string;
  controlUrl: string;
  token: string;
}

export interface HostProcess {
  child: ChildProcess;
  ready: Ready;
  /** Everything the host wrote to stderr so far. */
  stderr: () => string;
}

const hostArgs = (dataDir: string, extra: readonly string[]) => [
  BUILT_SERVE, '--data-dir', dataDir, '--receiver-port', '0', '--control-port', '0', ...extra,
];

/**
 * Starts `node out/main/serve.js` directly (never through npm, whose pid is not the host's) and
 * resolves once it is ready. The caller kills it (`onSpawn` hands it the child before it is ready,
 * for cleanup); a host that exits first rejects with its stderr.
 */
export function startHost(dataDir: string, extra: readonly string[] = [], onSpawn?: (child: ChildProcess) => void): Promise<HostProcess> {
  const child = spawn(process.execPath, hostArgs(dataDir, extra), { stdio: ['ignore', 'pipe', 'pipe'] });
  onSpawn?.(child);
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`host exited early with ${code ?? signal}: ${err}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('INLET_READY ')) resolve({ child, ready: JSON.parse(line.slice(12)) as Ready, stderr: () => err });
    });
  });
}

/** Runs a host that is expected to exit by itself; resolves with its exit code and output. */
export function runToExit(dataDir: string, extra: readonly string[] = [], onSpawn?: (child: ChildProcess) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, hostArgs(dataDir, extra), { stdio: ['ignore', 'pipe', 'pipe'] });
  onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((r) => child.once('close', (code) => r({ code, stdout, stderr })));
}

/** Resolves when the child has exited, even if it already had (an 'exit' listener would wait forever). */
export const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));

/** The control API over HTTP with the host's token; a refusal throws with the method and message. */
export function controlApi(ready: Ready) {
  return async <T = unknown>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${ready.controlUrl}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const answer = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
    return answer.value as T;
  };
}
