import { join } from 'node:path';
import type { PushMessage } from '../../shared/api/events';
import type { ApiResult } from '../../shared/api/result';
import type { CoreContext } from './context';
import { createDispatcher, type CallCtx } from './api/dispatcher';
import { applyChanges } from './api/changes';
import { createHandlers } from './api/handlers';
import { silentLogger, type CorePorts } from './ports';
import { createCoreContext } from './core-context';
import { describeUnusableSecrets, createSecretHealth, findUnusableSecrets } from './secrets/secret-health';
import { acquireDataDirLock } from './store/data-dir-lock';
import { checksAtOpen, DatabaseDamagedError, describeCorruption, isCorruptionError, moveDamagedAside } from './store/integrity';
import { checkAndReport } from './store/background-check';
import { createDatabaseHealth } from './store/database-health';
import { indexInBackground } from './store/search-index';
import { checkpointInBackground } from './store/wal-checkpointer';
import { watchSaturation } from './util/saturation';
import { createIngestQueue } from './receiver/ingest-queue';
import { startReceiver } from './receiver/receiver-server';
import { createFailureNotifier } from './notify/failure-notifier';
import { createShapeLearner } from './shapes/learner';
import { createParsedBodies } from './request/parsed-bodies';
import { createShapeScheduler } from './shapes/shape-scheduler';
import { createProcessor, hasActiveMappings } from './pipeline/processor';
import { createWorkerRunner, warmUpSandbox, type SandboxRunner, type WorkerPoolOptions } from './script-sandbox';
import { createReplayJobs } from './pipeline/replay-jobs';
import { createPruner } from './retention/pruner';
import { createRunCompleter } from './actions/run-completer';
import { createForwarding, type DeliveryServiceOptions } from './deliveries';
import { summarize, type NewEvent } from './store/repos/events.repo';
import { exportToStream, type ExportStream } from './exports/export-stream';
import { RUNNING_BUSY_TIMEOUT_MS } from './util/sqlite-errors';
import type { TunnelProvider } from './tunnel/providers/provider.js';
import { createTunnelService } from './tunnel/tunnel-service';

export interface CoreOptions {
  /** Receiver bind address; 127.0.0.1 unless the user opts into exposing it. */
  receiverHost?: string;
  /** 0 picks a free port. */
  receiverPort?: number;
  bodyLimitBytes?: number;
  /** A client that sends nothing for this long mid-body is answered 408. */
  bodyIdleTimeoutMs?: number;
  /** Headers and body of one request must arrive within this (default 30 s); else a logged 408. */
  requestDeadlineMs?: number;
  /** Concurrent receiver connections, in total (default 1024) and per remote address (default 64; loopback: total only). */
  maxConnections?: number;
  maxConnectionsPerAddress?: number;
  /** Bytes of requests to unknown endpoints logged per minute (default 1 MiB); beyond, counted only. */
  unknownTokenBytesPerMinute?: number;
  /** better-sqlite3 `nativeBinding`: the Electron host passes its Electron-ABI build. */
  sqliteNativeBinding?: string;
  /** Tests: another tunnel provider, faster probes. */
  tunnelProvider?: TunnelProvider;
  tunnelProbeIntervalMs?: number;
  /**
   * False: the tunnel never opens at start, whatever the settings say (`inlet` commands' short-lived
   * cores must not publish the receiver behind the user's back). Default true.
   */
  startTunnelOnLaunch?: boolean;
  /**
   * The built sandbox worker (out/main/preprocess-worker.js). With it, scripts run in a worker
   * thread that is terminated at a hard deadline; without it (tests), in this thread.
   */
  sandboxWorkerPath?: string;
  /** Workers, per-source queue and deadlines of the worker pool (see `createWorkerRunner`). */
  sandboxPool?: WorkerPoolOptions;
  /** Tests: a runner of their own (e.g. a pool they observe), used instead of building one. */
  sandbox?: SandboxRunner;
  /**
   * What to do when the start-up check finds the database damaged: refuse (`DatabaseDamagedError`,
   * the default) or move it aside as `inlet.db.damaged-<time>` and start with an empty one.
   */
  onDamagedDatabase?: 'refuse' | 'start-fresh';
  /** Tests: the forwarder's sender, timers, jitter and probe interval. */
  deliveries?: DeliveryServiceOptions;
  /** The hosts: WAL checkpoints on a thread of their own, never on the event loop (wal-checkpointer.ts). */
  checkpointInBackground?: boolean;
}

/** The app without a host: both the Electron shell and the headless host wrap one of these. */
export interface Core {
  /** Validates the input against the contract and runs the method. */
  dispatch(method: unknown, input: unknown, ctx: CallCtx): Promise<ApiResult<unknown>>;
  /** Push events for UIs; returns an unsubscribe function. */
  subscribe(listener: (message: PushMessage) => void): () => void;
  readonly receiverUrl: string;
  readonly dataDir: string;
  /** Saved secrets and secret variables that can't be decrypted here (already warned about at start). */
  readonly unusableSecrets: number;
  /** Set when `start-fresh` moved a damaged database aside: where the old file is now. */
  readonly damagedDatabaseMovedTo: string | null;
  /** Streams a log export (issue #13) to a writable: the headless host's download, the CLI's file. */
  exportLog: ExportStream;
  /** Stops the receiver, commits pending rows and closes the database. */
  close(): Promise<void>;
}

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

export async function createCore(ports: CorePorts, options: CoreOptions = {}): Promise<Core> {
  const logger = ports.logger ?? silentLogger;
  const listeners = new Set<(message: PushMessage) => void>();
  const emit: CoreContext['emit'] = (name, payload) => {
    const message = { name, payload } as PushMessage;
    for (const listener of listeners) {
      try {
        listener(message);
      } catch (error) {
        logger.warn('a push listener failed', { error: String(error) });
      }
    }
  };
  let receiverUrl = '';
  // One process per data dir, decided before the database is opened (issue #8: two hosts on one
  // database ran events twice and marked unique ones duplicate).
  const lock = acquireDataDirLock(ports.dataDir, { logger });
  const sandbox = options.sandbox ?? (options.sandboxWorkerPath ? createWorkerRunner(options.sandboxWorkerPath, options.sandboxPool) : undefined);
  // A large file is checked once the host runs; a start asked to move damage aside checks first.
  const dbFile = join(ports.dataDir, 'inlet.db');
  const checkLater = options.onDamagedDatabase !== 'start-fresh' && !checksAtOpen(dbFile);
  let opened: ReturnType<typeof openContext>;
  try {
    const checkIntegrity = options.onDamagedDatabase === 'start-fresh' ? true : 'if-small';
    opened = openContext(ports, options, { emit, receiverUrl: () => receiverUrl, nativeBinding: options.sqliteNativeBinding, sandbox, checkIntegrity });
  } catch (error) {
    await sandbox?.close();
    lock.release();
    throw error;
  }
  const { ctx, movedTo } = opened;
  const { db, events, routes, clock } = ctx;
  if (movedTo) logger.warn(`The damaged database was moved to ${movedTo}; Inlet started with an empty one (secret.key was kept).`);
  const unusable = findUnusableSecrets(ctx.sources, createSecretHealth(ports.secretStore));
  if (unusable.length > 0) logger.warn(describeUnusableSecrets(unusable, (id) => ctx.sources.get(id)?.name ?? id));
  db.pragma(`busy_timeout = ${RUNNING_BUSY_TIMEOUT_MS}`);
  // The store's threads put off what can wait while the receiver is saturated: this loop busy
  // while senders' requests keep being committed.
  const saturation = db.memory ? null : watchSaturation();
  const checkpointer = options.checkpointInBackground && !db.memory
    ? checkpointInBackground(db, {
        nativeBinding: options.sqliteNativeBinding,
        saturation: saturation?.flag,
        onError: (message) => logger.warn(`WAL checkpoints fell back to the writer: ${message}`),
      })
    : null;

  if (ports.notifier) {
    const notifier = ports.notifier;
    listeners.add(
      createFailureNotifier({
        notifier,
        clock,
        enabled: () => ctx.settings.get().notifications.enabled,
        sourceName: (id) => (id && ctx.sources.get(id)?.name) || 'A source',
      }),
    );
  }
  const processor = createProcessor(ctx);
  const indexer = indexInBackground(ctx.searchDb, { nativeBinding: options.sqliteNativeBinding, logger, saturation: saturation?.flag });
  // Shapes learn from the bodies the receiver parsed; only events it did not keep are parsed again.
  // 256 KiB of bodies (~300 KB parsed per 256 KiB): learning runs 100 ms after a burst, and under
  // sustained load it samples the newest events, past whatever was kept, so a bigger hand-off only
  // sat in the old generation (1 MiB of bodies held ~1.2 MB of parsed objects for 5 s at a time).
  const shapeBodies = createParsedBodies(256 * 1024, (e) => e.processing !== 'none');
  const shapes = createShapeScheduler(createShapeLearner(db, { parsed: shapeBodies }), { logger });
  const forwarding = createForwarding(ctx, options.deliveries);
  const onCommitted = (ids: number[], written: NewEvent[]) => {
    checkpointer?.noteIngest();
    if (written.some((e) => e.origin === 'received' || e.origin === 'test')) saturation?.noteReceived();
    forwarding.service.kick();
    processor.written(ids, written);
    shapeBodies.keep(ids, written);
    shapes.noteIngest();
    if (listeners.size === 0) return;
    written.forEach((e, i) => emit('events.received', summarize(ids[i]!, e)));
  };
  const queue = createIngestQueue(forwarding.write, onCommitted, { logger });
  // Events acknowledged before a crash or quit and not yet mapped run first, in arrival order.
  processor.kick();
  forwarding.service.start();
  shapes.noteIngest();
  // The first sandbox run compiles the WebAssembly module (~80 ms); do it before a webhook waits.
  if (!sandbox) void warmUpSandbox().catch((error: unknown) => logger.warn('the script sandbox did not warm up', { error: String(error) }));

  const replays = createReplayJobs(ctx, queue);
  // The tunnel needs the receiver's port and the receiver answers the tunnel's probe: bound late.
  const probe = { isProbePath: (_path: string): boolean => false };

  let receiver;
  try {
    receiver = await startReceiver(
      {
        routes,
        queue,
        clock,
        logger,
        isProbePath: (path) => probe.isProbePath(path),
        isTestDelivery: (headers) => headers[ctx.testDelivery.header] === ctx.testDelivery.value,
        hasMappings: (sourceId, environment) => hasActiveMappings(ctx, sourceId, environment),
        recordAnswer: (id, status, error) => events.recordAnswer(id, status, error),
        answerChooser: forwarding.responses.forRoute,
        sandbox: ctx.sandbox,
      },
      {
        host: options.receiverHost ?? '127.0.0.1',
        port: options.receiverPort ?? 0,
        bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
        idleTimeoutMs: options.bodyIdleTimeoutMs ?? 15_000,
        requestDeadlineMs: options.requestDeadlineMs ?? 30_000,
        maxConnections: options.maxConnections ?? 1024,
        maxConnectionsPerAddress: options.maxConnectionsPerAddress ?? 64,
        unknownTokenBytesPerMinute: options.unknownTokenBytesPerMinute ?? 1024 * 1024,
      },
    );
  } catch (error) {
    await ctx.sandbox.close();
    saturation?.stop();
    await indexer.stop();
    await checkpointer?.stop();
    closeDatabases(ctx);
    lock.release();
    throw error;
  }
  receiverUrl = receiver.url;
  const tunnel = createTunnelService(ctx, {
    receiverPort: receiver.port,
    ...(options.tunnelProvider ? { provider: options.tunnelProvider } : {}),
    ...(options.tunnelProbeIntervalMs ? { probeIntervalMs: options.tunnelProbeIntervalMs } : {}),
  });
  probe.isProbePath = tunnel.isProbePath;
  if (options.startTunnelOnLaunch !== false) tunnel.startIfWanted();

  const health = createDatabaseHealth(dbFile, checkLater, (database) => emit('health.changed', { database }));
  const integrity = checkLater ? checkAndReport(dbFile, logger, { nativeBinding: options.sqliteNativeBinding, onOutcome: health.found }) : null;
  const pruner = createPruner(ctx, indexer);
  pruner.schedule();
  const runCompleter = createRunCompleter(ctx.workspace, clock, { logger });
  runCompleter.start();

  const dispatchRaw = createDispatcher(createHandlers(ctx, { processor, queue, replays, tunnel, pruner, indexer, forwarding, health }), {
    onInternalError: (method, error) =>
      logger.error(`${method} failed`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    onChanged: (changes) => {
      applyChanges(ctx, changes);
      forwarding.configChanged(changes);
    },
  });

  // A damaged page met while running answers a sentence that names the way out, not SQLite's words.
  const dispatch: Core['dispatch'] = async (method, input, callCtx) => {
    const result = await dispatchRaw(method, input, callCtx);
    if (!result.ok && result.error.code === 'internal' && isCorruptionError(new Error(result.error.message))) {
      health.metWhileRunning(result.error.message);
      return { ok: false, error: { ...result.error, message: describeCorruption(ports.dataDir) } };
    }
    return result;
  };

  let closed = false;
  return {
    dispatch,
    unusableSecrets: unusable.length,
    damagedDatabaseMovedTo: movedTo,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    receiverUrl,
    dataDir: ports.dataDir,
    exportLog: (input, out, options) => exportToStream(ctx, input, out, options),
    async close() {
      if (closed) return;
      closed = true;
      integrity?.stop();
      replays.cancelAll();
      pruner.stop();
      runCompleter.stop();
      await tunnel.stop();
      await receiver.close();
      queue.flush();
      processor.stop();
      forwarding.service.stop();
      shapes.stop();
      await ctx.sandbox.close();
      listeners.clear();
      saturation?.stop();
      await indexer.stop();
      await checkpointer?.stop();
      closeDatabases(ctx);
      lock.release();
    },
  };
}

/** The context, moving a damaged database aside first when the host asked for a fresh start. */
function openContext(ports: CorePorts, options: CoreOptions, hooks: Parameters<typeof createCoreContext>[1]) {
  try {
    return { ctx: createCoreContext(ports, hooks), movedTo: null };
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError) || options.onDamagedDatabase !== 'start-fresh') throw error;
    const movedTo = moveDamagedAside(error.file);
    return { ctx: createCoreContext(ports, hooks), movedTo };
  }
}

/** The search connection first: it reads the log's file. */
function closeDatabases(ctx: Pick<CoreContext, 'db' | 'searchDb'>): void {
  if (ctx.searchDb !== ctx.db) ctx.searchDb.close();
  ctx.db.close();
}
