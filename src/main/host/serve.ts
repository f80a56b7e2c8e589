import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/create-core';
import { consoleLogger } from '../core/ports';
import { parseServeArgs, USAGE, type ServeOptions } from './cli-args';
import { createControlServer, type ControlServer } from './http-bridge';
import { writeConnectionFile } from './connection-file';
import { createKeyFileSecretStore, KEY_FILE_NAME } from '../core/secrets/key-file-store';
import { acquireDataDirLock } from '../core/store/data-dir-lock';
import { exportReadableEvents } from '../core/store/export-readable';
import { DAMAGED_DATABASE_OPTIONS, DatabaseDamagedError } from '../core/store/integrity';

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
  // A data dir whose key file went missing gets a new key; its saved secrets can't be opened with it.
  const keyWasMissing = !existsSync(join(dataDir, KEY_FILE_NAME)) && existsSync(join(dataDir, 'inlet.db'));
  const core = await createCore(
    { dataDir, secretStore: createKeyFileSecretStore(dataDir), logger: consoleLogger },
    {
      receiverHost: options.receiverHost,
      receiverPort: options.receiverPort,
      sandboxWorkerPath: SANDBOX_WORKER,
      checkpointInBackground: true,
      ...(options.recovery?.kind === 'start-fresh' ? { onDamagedDatabase: 'start-fresh' as const } : {}),
    },
  );
  if (keyWasMissing && core.unusableSecrets > 0) {
    process.stderr.write(
      `inlet serve: warning: ${join(dataDir, KEY_FILE_NAME)} was missing, so a new key was created. The ${core.unusableSecrets} ` +
        'secret(s) saved with the old key are marked unusable: enter them again, or stop Inlet, put the old secret.key back and restart.\n',
    );
  }
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

/** `--export-readable`: saves what a damaged database still holds, under the data dir's lock. */
function exportReadable(dataDirOption: string, file: string): void {
  const dataDir = resolve(dataDirOption);
  const dbFile = join(dataDir, 'inlet.db');
  if (!existsSync(dbFile)) throw new Error(`there is no database at ${dbFile}`);
  const lock = acquireDataDirLock(dataDir, { logger: consoleLogger });
  try {
    const out = resolve(file);
    const counts = exportReadableEvents(dbFile, out);
    const fromPages = counts.recoveredFromPages > 0 ? ` (${counts.recoveredFromPages} read directly from pages SQL could not reach)` : '';
    const lost = counts.lastId !== null ? `; ids go up to ${counts.lastId}, so up to ${Math.max(0, counts.lastId - counts.exported)} were lost or deleted earlier` : '';
    process.stdout.write(`Exported ${counts.exported} readable event(s) to ${out}${fromPages}${lost}. The database was not changed.\n`);
  } finally {
    lock.release();
  }
}

function describeStartFailure(error: unknown): string {
  if (error instanceof DatabaseDamagedError) return `${error.message}\n${DAMAGED_DATABASE_OPTIONS}`;
  return error instanceof Error ? error.message : String(error);
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

  const recovery = parsed.options.recovery;
  if (recovery?.kind === 'export-readable') {
    try {
      exportReadable(parsed.options.dataDir, recovery.file);
    } catch (error) {
      process.stderr.write(`inlet serve: could not export: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
    return;
  }

  let running: Awaited<ReturnType<typeof start>>;
  try {
    running = await start(parsed.options);
  } catch (error) {
    process.stderr.write(`inlet serve: could not start: ${describeStartFailure(error)}\n`);
    process.exit(1);
  }
  if (running.core.damagedDatabaseMovedTo) {
    process.stdout.write(`The damaged database is kept at ${running.core.damagedDatabaseMovedTo}; this run started with an empty one.\n`);
  }
  // `inlet` commands on this data dir find the control API here instead of opening the database.
  const removeConnectionFile = writeConnectionFile(running.info.dataDir, {
    url: running.info.controlUrl,
    token: running.info.token,
    pid: process.pid,
    receiverUrl: running.info.receiverUrl,
  });
  process.on('exit', removeConnectionFile);
  printReady(running.info, parsed.options.receiverHost);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`inlet serve: ${signal} again, exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`inlet serve: ${signal}, stopping…\n`);
    removeConnectionFile();
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
