import type { PushMessage } from '../../shared/api/events';
import type { ApiResult } from '../../shared/api/result';
import type { CoreContext } from './api/context';
import { createDispatcher, type CallCtx } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import { silentLogger, type CorePorts } from './ports';
import { createCoreContext } from './core-context';
import { createIngestQueue } from './receiver/ingest-queue';
import { startReceiver } from './receiver/receiver-server';
import { createFailureNotifier } from './notify/failure-notifier';
import { createIndexScheduler } from './pipeline/index-scheduler';
import { createProcessor, hasActiveMappings } from './pipeline/processor';
import { createWorkerRunner, warmUpSandbox } from './script-sandbox';
import { createReplayJobs } from './pipeline/replay-jobs';
import { createPruner } from './retention/pruner';
import { summarize } from './store/repos/events.repo';
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
  /** better-sqlite3 `nativeBinding`: the Electron host passes its Electron-ABI build. */
  sqliteNativeBinding?: string;
  /** Tests: another tunnel provider, faster probes. */
  tunnelProvider?: TunnelProvider;
  tunnelProbeIntervalMs?: number;
  /**
   * The built sandbox worker (out/main/preprocess-worker.js). With it, scripts run in a worker
   * thread that is terminated at a hard deadline; without it (tests), in this thread.
   */
  sandboxWorkerPath?: string;
}

/** The app without a host: both the Electron shell and the headless host wrap one of these. */
export interface Core {
  /** Validates the input against the contract and runs the method. */
  dispatch(method: unknown, input: unknown, ctx: CallCtx): Promise<ApiResult<unknown>>;
  /** Push events for UIs; returns an unsubscribe function. */
  subscribe(listener: (message: PushMessage) => void): () => void;
  readonly receiverUrl: string;
  readonly dataDir: string;
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
  const sandbox = options.sandboxWorkerPath ? createWorkerRunner(options.sandboxWorkerPath) : undefined;
  const ctx = createCoreContext(ports, { emit, receiverUrl: () => receiverUrl, nativeBinding: options.sqliteNativeBinding, sandbox });
  const { db, events, routes, clock } = ctx;

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
  const indexer = createIndexScheduler(ctx.search);
  const queue = createIngestQueue(events.insertMany, (ids, written) => {
    if (written.some((e) => e.processing === 'pending')) processor.kick();
    indexer.noteIngest();
    if (listeners.size === 0) return;
    written.forEach((e, i) => emit('events.received', summarize(ids[i]!, e)));
  });
  // Events acknowledged before a crash or quit and not yet mapped run first, in arrival order.
  processor.kick();
  indexer.noteIngest();
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
        sandbox: ctx.sandbox,
      },
      {
        host: options.receiverHost ?? '127.0.0.1',
        port: options.receiverPort ?? 0,
        bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
        idleTimeoutMs: options.bodyIdleTimeoutMs ?? 15_000,
      },
    );
  } catch (error) {
    await ctx.sandbox.close();
    db.close();
    throw error;
  }
  receiverUrl = receiver.url;
  const tunnel = createTunnelService(ctx, {
    receiverPort: receiver.port,
    ...(options.tunnelProvider ? { provider: options.tunnelProvider } : {}),
    ...(options.tunnelProbeIntervalMs ? { probeIntervalMs: options.tunnelProbeIntervalMs } : {}),
  });
  probe.isProbePath = tunnel.isProbePath;
  tunnel.startIfWanted();

  const pruner = createPruner(ctx);
  pruner.schedule();

  const dispatch = createDispatcher(createHandlers(ctx, { processor, queue, replays, tunnel, pruner, indexer }), (method, error) =>
    logger.error(`${method} failed`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );

  let closed = false;
  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    receiverUrl,
    dataDir: ports.dataDir,
    async close() {
      if (closed) return;
      closed = true;
      replays.cancelAll();
      pruner.stop();
      await tunnel.stop();
      await receiver.close();
      queue.flush();
      processor.stop();
      indexer.stop();
      await ctx.sandbox.close();
      listeners.clear();
      db.close();
    },
  };
}
