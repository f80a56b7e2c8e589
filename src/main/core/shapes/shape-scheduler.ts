import { silentLogger, type Logger } from '../ports';
import { createRetryBackoff } from '../util/retry-backoff';
import type { ShapeLearner } from './learner';

const BATCH = 200;
/**
 * A batch stops after this long, however many of its events are left, and the next starts after
 * pending I/O: requests arriving meanwhile wait at most about this long. 200 ~1 KB Stripe events
 * took 14–26 ms (parsing, walking, the shapes' JSON), the longest stall of a receiver taking a
 * steady 4,000 requests a second.
 */
const BUDGET_MS = 4;
/** Ingest counts as busy for this long after its last commit; learning waits for a quiet moment. */
const QUIET_MS = 100;
/** Under sustained load, learning runs this often, from a sample: the newest BATCH events, learned a budget at a time QUIET_MS apart. */
const SAMPLE_EVERY_MS = 5_000;
/**
 * Once ingest is quiet, at most this many of the events it left unlearned are learned: the newest.
 * After 12 s at 9,000–13,500 requests a second, learning everything past the last sample took the
 * main thread 160–680 ms, in 4 ms batches, while a sender's next requests waited behind them;
 * with this, 100–200 ms (bench/NOTES.md, session 12). The shapes' proportions hold on the sample.
 */
export const QUIET_BACKLOG_KEPT = 2_000;

/**
 * Runs the shape learner in the background after commits, a batch at a time, yielding to ingest:
 * it learns when the receiver has been quiet for a moment, and under sustained load every few
 * seconds from the newest events only.
 * A failing batch (a database locked by another program) is retried with backoff; nothing it throws
 * leaves the timer.
 */
export function createShapeScheduler(learner: ShapeLearner, options: { logger?: Logger; now?: () => number } = {}) {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  let lastIngestAt = 0;
  let lastRunAt = now();
  const backoff = createRetryBackoff({ what: 'learning payload shapes', logger, initialMs: 200, maxMs: 10_000 });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  /** Events of the sample under way (under load) not learned yet. */
  let sampleLeft = 0;
  /** Ingest committed since the last quiet run: what it left may be more than is worth learning. */
  let backlogUnchecked = false;

  const run = () => {
    timer = undefined;
    if (stopped) return;
    const t = now();
    const busy = t - lastIngestAt < QUIET_MS;
    const newSample = busy && sampleLeft <= 0;
    if (newSample && backoff.failures === 0 && t - lastRunAt < SAMPLE_EVERY_MS) return schedule(QUIET_MS);
    lastRunAt = t;
    let learned: number;
    try {
      // Ingest never stopped: learn from its newest events only, so learning costs one sample per
      // interval however fast events arrive (the shapes' proportions hold on a sample).
      if (newSample) {
        learner.skipTo(BATCH);
        sampleLeft = BATCH;
      } else if (!busy) {
        if (backlogUnchecked) learner.skipTo(QUIET_BACKLOG_KEPT);
        backlogUnchecked = false;
      }
      learned = learner.learnBatch(busy ? sampleLeft : BATCH, BUDGET_MS);
    } catch (error) {
      return schedule(backoff.failed(error));
    }
    backoff.succeeded();
    sampleLeft = busy && learned > 0 ? sampleLeft - learned : 0;
    // Under load the sample goes on a budget at a time; when quiet, the rest follows batch by batch.
    if (learned > 0) schedule(busy ? QUIET_MS : 0);
  };

  function schedule(delay: number) {
    if (stopped) return;
    if (timer) return;
    timer = setTimeout(run, delay);
    timer.unref();
  }

  return {
    /** Called after each ingest commit; a pending run (or retry) already covers it. */
    noteIngest(): void {
      lastIngestAt = now();
      backlogUnchecked = true;
      if (backoff.failures === 0) schedule(QUIET_MS);
    },
    /** Learns everything outstanding now (tests, and a read that wants the newest events counted). */
    catchUp(): void {
      try {
        while (learner.learnBatch(BATCH) > 0);
      } catch (error) {
        schedule(backoff.failed(error));
      }
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
export type ShapeScheduler = ReturnType<typeof createShapeScheduler>;
