import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiClient } from '../shared/api/client';
import type { Transport } from '../shared/api/transport';
import type { Core } from '../main/core/create-core';
import type { Logger } from '../main/core/ports';
import { readConnectionFile, type ConnectionInfo } from '../main/host/connection-file';
import { defaultDataDir } from '../main/host/cli-args';
import { CliError } from './errors';

/** The contract, reached through a running host (attached) or a core this command started (embedded). */
export interface Session {
  client: ApiClient;
  mode: 'attached' | 'embedded';
  dataDir: string;
  /** The receiver's base URL. */
  receiverUrl: string;
  /** Streams a log export: from the host's download route when attached, this command's core when embedded. */
  exportLog: Core['exportLog'];
  close(): Promise<void>;
}

/** Built next to cli.js from src/main/core/script-sandbox/worker-entry.ts, as for serve.js. */
const SANDBOX_WORKER = fileURLToPath(new URL('./preprocess-worker.js', import.meta.url));

/** `--data-dir`, else INLET_DATA_DIR, else the app's own folder: the same as `inlet serve` and the desktop app. */
export const resolveDataDir = (option: string | undefined): string =>
  resolve(option ?? (process.env.INLET_DATA_DIR || defaultDataDir(process.env)));

/** The client and the HTTP transport, loaded on first use: their push-event schemas need zod, `--help` doesn't. */
const clientModules = () => Promise.all([import('../shared/api/client'), import('./http-transport')]);

async function attach(dataDir: string, info: ConnectionInfo): Promise<Session> {
  const [{ createApiClient }, { createCliHttpTransport }] = await clientModules();
  const transport = createCliHttpTransport(info.url, info.token);
  let connectedOnce = false;
  // Said on stderr so a stream on stdout stays one JSON document per line.
  transport.onStreamChange((connected) => {
    if (!connected) process.stderr.write(`inlet: lost the connection to Inlet (pid ${info.pid}); reconnecting…\n`);
    else if (connectedOnce) process.stderr.write('inlet: reconnected.\n');
    connectedOnce ||= connected;
  });
  return { client: createApiClient(transport), mode: 'attached', dataDir, receiverUrl: info.receiverUrl,
    exportLog: async (input, out, options) => (await import('./export-client')).downloadExport(info, input, out, options), close: async () => {} };
}

/** Warnings reach stderr, so `--json` output on stdout stays parseable. */
const stderrLogger: Logger = {
  info() {},
  warn: (message) => process.stderr.write(`inlet: ${message}\n`),
  error: (message) => process.stderr.write(`inlet: ${message}\n`),
};

function embeddedTransport(core: Core): Transport {
  return {
    invoke: (method, input) => core.dispatch(method, input, { transport: 'internal' }),
    subscribe: (listener) => core.subscribe(listener),
  };
}

/** Waits a bounded while for a host that holds the lock to publish its connection file. */
async function waitForConnection(dataDir: string): Promise<ConnectionInfo | null> {
  for (let i = 0; i < 50; i++) {
    const info = readConnectionFile(dataDir);
    if (info) return info;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/**
 * Attaches to the host running on the data dir, or starts an embedded core for this command. The
 * data-dir lock makes the two exclusive: a host starting meanwhile holds the lock, and then its
 * connection file is what this command uses.
 */
export async function openSession(dataDirOption: string | undefined, options: { receiverPort?: number } = {}): Promise<Session> {
  const dataDir = resolveDataDir(dataDirOption);
  const running = readConnectionFile(dataDir);
  if (running) return attach(dataDir, running);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The core (SQLite, the script sandbox, every domain) loads only when a command needs it, so an
  // attached command and `--help` start without it.
  const [{ createCore }, { createKeyFileSecretStore }, { DataDirLockedError }] = await Promise.all([
    import('../main/core/create-core'),
    import('../main/core/secrets/key-file-store'),
    import('../main/core/store/data-dir-lock'),
  ]);
  let core: Core;
  try {
    core = await createCore(
      { dataDir, secretStore: createKeyFileSecretStore(dataDir), logger: stderrLogger },
      {
        receiverHost: '127.0.0.1',
        receiverPort: options.receiverPort ?? 0,
        sandboxWorkerPath: SANDBOX_WORKER,
        // A command's core lives for one command: it never opens a public URL because the app's
        // settings say "start the tunnel at launch" (`inlet listen --tunnel` asks for it explicitly).
        startTunnelOnLaunch: false,
      },
    );
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      const info = await waitForConnection(dataDir);
      if (info) return attach(dataDir, info);
    }
    throw new CliError(`Could not open ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [{ createApiClient }] = await clientModules();
  return {
    client: createApiClient(embeddedTransport(core)),
    mode: 'embedded',
    dataDir,
    receiverUrl: core.receiverUrl,
    exportLog: (input, out, options) => core.exportLog(input, out, options),
    close: () => core.close(),
  };
}
