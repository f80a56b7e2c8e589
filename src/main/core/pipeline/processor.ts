import type { ActionIssue, ActionStatus, Processing } from '../../../shared/domain/event';
import { KNOCK_LIMITS } from '../../../shared/domain/action';
import type { CoreContext } from '../context';
import { planActions } from '../mapping/engine';
import type { NewEvent, PendingEvent } from '../store/repos/events.repo';
import { actionIssueOfRuns } from '../store/repos/event-action-issue';
import { createParsedBodies, NOT_KEPT } from '../request/parsed-bodies';
import { createRetryBackoff } from '../util/retry-backoff';
import { isBusy } from '../util/sqlite-errors';
import { eventContext } from '../request/event-context';
import { runPlans, type Isolation, type RunRecord } from './run-plans';
import { memoizedWorkspace } from '../actions/workspace-memo';

const NOT_READ = Buffer.alloc(0);

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
// Small batches keep each turn of the event loop short, so acks are not held up behind mapping.
const BATCH = 64;
// With no request written since the last turn (a backlog after a burst, a bulk import), bigger
// transactions: a commit costs about a third of processing, and many actions touch the same pages.
// Past BATCH events, the time budget bounds how long a request arriving meanwhile waits.
const BACKLOG_BATCH = 256;
const BACKLOG_BUDGET_MS = 8;

/** Whether an event of this source and environment has anything to run. */
export const hasActiveMappings = (ctx: Pick<CoreContext, 'mappings'>, sourceId: string, environment: string): boolean =>
  ctx.mappings.bySource(sourceId).some((m) => m.activeIn.includes(environment));

export interface Processed {
  id: number;
  processing: Processing;
  actionStatus: ActionStatus | null;
  /** Why an action was skipped or failed, in brief (the log row's tooltip). */
  actionIssue?: ActionIssue;
}

type ProcessorDeps = Pick<
  CoreContext,
  'db' | 'events' | 'mappings' | 'idempotency' | 'workspace' | 'clock' | 'logger' | 'emit' | 'routes'
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
  let retryTimer: NodeJS.Timeout | undefined;
  const backoff = createRetryBackoff({ what: 'processing', logger: d.logger, initialMs: 50, maxMs: 5_000 });
  const parsedBodies = createParsedBodies();
  // Rows are read without their bodies while the events met are held parsed: a backlog older than
  // what was just received (after a restart) is read with them, not body by body.
  let lastMissed = false;
  const withoutBodies = () => parsedBodies.size > 0 && !lastMissed;

  const processOne = (e: PendingEvent, isolation: Isolation, workspace: ProcessorDeps['workspace']): Processed => {
    if (e.damaged !== null) {
      d.logger.error(e.damaged);
      d.events.markProcessed(e.id, 'done', 'error');
      return { id: e.id, processing: 'done', actionStatus: 'error' };
    }
    const now = d.clock.now();
    const key = e.dedupe && e.idempotencyKey !== null && e.idempotencyKey.length <= KNOCK_LIMITS.idempotencyKeyLength ? e.idempotencyKey : null;
    const scope = key === null ? null : { sourceId: e.sourceId, environment: e.environment, eventType: e.eventType ?? '', key };
    if (scope && d.idempotency.seenSince(scope, now - IDEMPOTENCY_WINDOW_MS) !== null) {
      d.events.markProcessed(e.id, 'duplicate', null);
      return { id: e.id, processing: 'duplicate', actionStatus: null };
    }
    const parsed = parsedBodies.take(e.id);
    lastMissed = parsed === NOT_KEPT;
    // A kept parsed body stands for the bytes, which were then not read with the row.
    const parts = { headers: e.headers, query: e.query, contentType: e.contentType, body: e.body ?? (parsed === NOT_KEPT ? d.events.bodyOf(e.id) : NOT_READ) };
    const ctx = parsed === NOT_KEPT ? eventContext(parts, e.preprocess) : eventContext(parts, e.preprocess, parsed);
    // The path is looked up only for an event without a type, to name it in the invalid-path error.
    const eventTypePath = e.eventType === null ? d.routes.forSource(e.sourceId, e.environment)?.settings.eventTypePath : null;
    const plans = planActions({ eventType: e.eventType, ctx, eventTypePath }, d.mappings.bySource(e.sourceId), e.environment);
    const runs = runPlans(d.db, { workspace, environment: e.environment, eventId: e.id, now }, plans, isolation);
    const actionStatus = summarizeRuns(runs);
    // Only a successful execution claims the key (Knock): a failed one may be retried by the provider.
    if (scope && actionStatus === 'success') d.idempotency.record(scope, e.id, now);
    d.events.markProcessed(e.id, 'done', actionStatus, runs);
    return { id: e.id, processing: 'done', actionStatus, ...(actionStatus === 'success' ? {} : actionIssueOfRuns(runs)) };
  };

  // IMMEDIATE: the write lock is taken before anything runs, so a database locked by another
  // program fails the whole batch up front (and it is retried) instead of failing an action midway.
  // Past BATCH events and the time budget, the rest stay pending for the next turn. Pending rows
  // are read BATCH at a time as the budget allows (appended to `batch`, which the caller retries
  // from on failure): reading `size` up front read rows the budget then left for the next turn.
  // Within the transaction, every processed event is already off the queue (its outcome's trigger).
  const processBatch = d.db.transaction((batch: PendingEvent[], size: number, budgetMs: number) => {
    const started = performance.now();
    const results: Processed[] = [];
    // A throw rolls the whole batch back, taking the memo with it; event by event, none is kept.
    const workspace = memoizedWorkspace(d.workspace);
    for (let i = 0; i < batch.length; i += 1) {
      results.push(processOne(batch[i]!, 'throw', workspace));
      if (results.length >= BATCH && performance.now() - started >= budgetMs) break;
      if (i === batch.length - 1 && batch.length < size && batch.length % BATCH === 0) {
        for (const e of d.events.pending(Math.min(BATCH, size - batch.length), withoutBodies())) batch.push(e);
      }
    }
    return results;
  });
  const processSingle = d.db.transaction((e: PendingEvent) => processOne(e, 'savepoint', d.workspace));

  /** Processes up to one batch of `size`; returns how many events it handled. Throws when the database is locked. */
  const step = (size: number, budgetMs: number): number => {
    const batch = d.events.pending(Math.min(size, BATCH), withoutBodies());
    if (batch.length === 0) return 0;
    let results: Processed[];
    try {
      results = processBatch.immediate(batch, size, budgetMs);
    } catch (error) {
      if (isBusy(error)) throw error;
      // A batch that cannot commit is retried one event at a time, so one bad event cannot block the rest.
      d.logger.error('processing a batch failed; retrying event by event', { error: String(error) });
      for (const e of batch) d.emit('events.processed', processAlone(e));
      return batch.length;
    }
    for (const r of results) d.emit('events.processed', r);
    return results.length;
  };
  let writtenSinceTick = false;
  let pendingWritten = 0;

  /** A locked database is never the event's outcome: the error propagates and the event stays pending. */
  const processAlone = (e: PendingEvent): Processed => {
    try {
      return processSingle.immediate(e);
    } catch (error) {
      if (isBusy(error)) throw error;
      d.logger.error(`event ${e.id} could not be processed`, { error: String(error) });
      d.events.markProcessed(e.id, 'done', 'error');
      return { id: e.id, processing: 'done', actionStatus: 'error' };
    }
  };

  const tick = () => {
    scheduled = false;
    if (stopped) return;
    const busyIngest = writtenSinceTick;
    // Events written in one turn (a bulk replay's chunk) are processed in one transaction, past
    // BATCH only within the backlog's budget: a receiver's turn writes fewer than BATCH anyway.
    const justWritten = Math.min(Math.max(BATCH, pendingWritten), BACKLOG_BATCH);
    writtenSinceTick = false;
    pendingWritten = 0;
    let handled: number;
    try {
      handled = busyIngest ? step(justWritten, BACKLOG_BUDGET_MS) : step(BACKLOG_BATCH, BACKLOG_BUDGET_MS);
    } catch (error) {
      return retryLater(backoff.failed(error));
    }
    backoff.succeeded();
    // Yield to I/O between batches so the receiver keeps answering during a backlog.
    if (handled > 0) kick();
  };

  /** Until the retry, `scheduled` stays set, so kicks from ingest don't hammer a locked database. */
  const retryLater = (delay: number) => {
    scheduled = true;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      tick();
    }, delay);
    retryTimer.unref();
  };

  function kick(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(tick);
  }

  return {
    /** Schedules processing of whatever is pending (after ingest, after a restart). */
    kick,
    /** Events just written: keeps their parsed bodies for mapping, and schedules processing when one waits. */
    written(ids: readonly number[], events: readonly NewEvent[]): void {
      writtenSinceTick = true;
      let waiting = 0;
      for (const e of events) if (e.processing === 'pending') waiting += 1;
      if (waiting === 0) return;
      pendingWritten += waiting;
      parsedBodies.keep(ids, events);
      kick();
    },
    /** Processes everything pending now, synchronously (startup, shutdown, tests), as a backlog is. */
    drain(): number {
      let total = 0;
      for (let n = step(BACKLOG_BATCH, BACKLOG_BUDGET_MS); n > 0; n = step(BACKLOG_BATCH, BACKLOG_BUDGET_MS)) total += n;
      return total;
    },
    stop(): void {
      stopped = true;
      clearTimeout(retryTimer);
    },
  };
}
export type Processor = ReturnType<typeof createProcessor>;
