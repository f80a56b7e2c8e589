import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/create-core';
import { consoleLogger } from '../core/ports';
import { parseServeArgs, USAGE, type ServeOptions } from './cli-args';
import { createControlServer, type ControlServer } from './http-bridge';
import { createKeyFileSecretStore } from '../core/secrets/key-file-store';

/** The headless host (`npm run serve`, SPEC §10): the core, the control API and the UI, no Electron. */

/** out/main/serve.js sits next to out/renderer. */
const STATIC_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
/** Built next to serve.js from src/main/core/script-sandbox/worker-entry.ts. */
const SANDBOX_WORKER = fileURLToPath(new URL('./preprocess-worker.js', import.meta.url));

export interface ReadyInfo {
  receiverUrl: string;
  controlUrl: string;
  uiUrl: string;
  token: string;
  dataDir: string;
}

async function start(options: ServeOptions): Promise<{ core: Core; control: ControlServer; info: ReadyInfo }> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = options.token ?? randomBytes(32).toString('base64url');
  const core = await createCore(
    { dataDir, secretStore: createKeyFileSecretStore(dataDir), logger: consoleLogger },
    { receiverHost: options.receiverHost, receiverPort: options.receiverPort, sandboxWorkerPath: SANDBOX_WORKER },
  );
  let control: ControlServer;
  try {
    control = await createControlServer({ core, token, host: '127.0.0.1', port: options.controlPort, staticDir: STATIC_DIR });
  } catch (error) {
    await core.close();
    throw error;
  }
  const info = {
    receiverUrl: core.receiverUrl,
    controlUrl: control.url,
    uiUrl: `${control.url}/#token=${token}`,
    token,
    dataDir,
  };
  return { core, control, info };
}

function printReady(info: ReadyInfo, receiverHost: string): void {
  const lines = [
    'Inlet is running (headless).',
    `  Receiver:  ${info.receiverUrl}   (webhooks go to ${info.receiverUrl}/in/<endpoint token>)`,
    `  UI:        ${info.uiUrl}`,
    `  Data dir:  ${info.dataDir}`,
  ];
  if (!['127.0.0.1', 'localhost', '::1'].includes(receiverHost)) {
    lines.push(`  Note: the receiver listens on ${receiverHost}, so other machines can reach it.`);
  }
  lines.push('Open the UI URL in a browser. Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);
  // One line for scripts and tests; keep its shape stable.
  process.stdout.write(`INLET_READY ${JSON.stringify(info)}\n`);
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseServeArgs(argv, process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`inlet serve: ${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }

  let running: Awaited<ReturnType<typeof start>>;
  try {
    running = await start(parsed.options);
  } catch (error) {
    process.stderr.write(`inlet serve: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  printReady(running.info, parsed.options.receiverHost);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`inlet serve: ${signal} again, exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`inlet serve: ${signal}, stopping…\n`);
    try {
      await running.control.close();
      // Closing the core stops the receiver and commits rows that are still queued.
      await running.core.close();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`inlet serve: error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
}

void main(process.argv.slice(2));
