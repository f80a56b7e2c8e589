import type { ActionStatus, Processing } from '../../../shared/domain/event';
import { KNOCK_LIMITS } from '../../../shared/domain/action';
import type { CoreContext } from '../api/context';
import { planActions } from '../mapping/engine';
import type { PendingEvent } from '../store/repos/events.repo';
import { eventContext } from './event-context';
import { runPlans, type Isolation, type RunRecord } from './run-plans';

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
// Small batches keep each turn of the event loop short, so acks are not held up behind mapping.
const BATCH = 64;

/** Whether an event of this source and environment has anything to run. */
export const hasActiveMappings = (ctx: Pick<CoreContext, 'mappings'>, sourceId: string, environment: string): boolean =>
  ctx.mappings.bySource(sourceId).some((m) => m.activeIn.includes(environment));

export interface Processed {
  id: number;
  processing: Processing;
  actionStatus: ActionStatus | null;
}

type ProcessorDeps = Pick<
  CoreContext,
  'db' | 'events' | 'mappings' | 'idempotency' | 'workspace' | 'search' | 'clock' | 'logger' | 'emit'
>;

/** The sum of an event's action runs, for the log's "action status" filter. */
export function summarizeRuns(runs: readonly Pick<RunRecord, 'status'>[]): ActionStatus {
  if (runs.length === 0) return 'no_mapping';
  const errors = runs.filter((r) => r.status === 'error').length;
  if (errors === runs.length) return 'error';
  if (errors > 0) return 'partial';
  return runs.some((r) => r.status === 'success') ? 'success' : 'skipped';
}

/**
 * Maps and executes acknowledged events from the durable log, in arrival order. An event's action
 * runs, its workspace changes and its `done` mark commit in one transaction, so after a crash an
 * event is either fully processed or still pending — never half-done, never run twice.
 */
export function createProcessor(d: ProcessorDeps) {
  let scheduled = false;
  let stopped = false;

  const processOne = (e: PendingEvent, isolation: Isolation): Processed => {
    const now = d.clock.now();
    const key = e.dedupe && e.idempotencyKey !== null && e.idempotencyKey.length <= KNOCK_LIMITS.idempotencyKeyLength ? e.idempotencyKey : null;
    const scope = key === null ? null : { sourceId: e.sourceId, environment: e.environment, eventType: e.eventType ?? '', key };
    if (scope && d.idempotency.seenSince(scope, now - IDEMPOTENCY_WINDOW_MS) !== null) {
      d.events.markProcessed(e.id, 'duplicate', null);
      return { id: e.id, processing: 'duplicate', actionStatus: null };
    }
    const ctx = eventContext(e, e.preprocess);
    const plans = planActions({ eventType: e.eventType, ctx }, d.mappings.bySource(e.sourceId), e.environment);
    const runs = runPlans(d.db, { workspace: d.workspace, environment: e.environment, eventId: e.id, now }, plans, isolation);
    const actionStatus = summarizeRuns(runs);
    // Only a successful execution claims the key (Knock): a failed one may be retried by the provider.
    if (scope && actionStatus === 'success') d.idempotency.record(scope, e.id, now);
    d.events.markProcessed(e.id, 'done', actionStatus, runs.map((run) => ({ ...run, createdAt: now })));
    return { id: e.id, processing: 'done', actionStatus };
  };

  const processBatch = d.db.transaction((batch: PendingEvent[]) => batch.map((e) => processOne(e, 'throw')));

  /** Processes up to one batch; returns how many events it handled. */
  const step = (): number => {
    const batch = d.events.pending(BATCH);
    if (batch.length === 0) return 0;
    let results: Processed[];
    try {
      results = processBatch(batch);
    } catch (error) {
      // A batch that cannot commit is retried one event at a time, so one bad event cannot block the rest.
      d.logger.error('processing a batch failed; retrying event by event', { error: String(error) });
      results = batch.flatMap((e) => processAlone(e));
    }
    for (const r of results) d.emit('events.processed', r);
    return batch.length;
  };

  const processAlone = (e: PendingEvent): Processed[] => {
    try {
      return [d.db.transaction(() => processOne(e, 'savepoint'))()];
    } catch (error) {
      d.logger.error(`event ${e.id} could not be processed`, { error: String(error) });
      d.events.markProcessed(e.id, 'done', 'error');
      return [{ id: e.id, processing: 'done', actionStatus: 'error' }];
    }
  };

  const tick = () => {
    scheduled = false;
    if (stopped) return;
    // Yield to I/O between batches so the receiver keeps answering during a backlog.
    if (step() === BATCH) kick();
  };

  function kick(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(tick);
  }

  return {
    /** Schedules processing of whatever is pending (after ingest, after a restart). */
    kick,
    /** Processes everything pending now, synchronously (startup, shutdown, tests). */
    drain(): number {
      let total = 0;
      for (let n = step(); n > 0; n = step()) total += n;
      return total;
    },
    stop(): void {
      stopped = true;
    },
  };
}
export type Processor = ReturnType<typeof createProcessor>;
