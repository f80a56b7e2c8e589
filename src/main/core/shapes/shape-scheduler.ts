import { silentLogger, type Logger } from '../ports';
import { createRetryBackoff } from '../util/retry-backoff';
import type { ShapeLearner } from './learner';

const BATCH = 200;
/** Learning starts this long after a commit, batching what arrives meanwhile; acks never wait for it. */
const QUIET_MS = 100;

/**
 * Runs the shape learner in the background after commits, a batch at a time, yielding to ingest.
 * A failing batch (a database locked by another program) is retried with backoff; nothing it throws
 * leaves the timer.
 */
export function createShapeScheduler(learner: ShapeLearner, options: { logger?: Logger } = {}) {
  const logger = options.logger ?? silentLogger;
  const backoff = createRetryBackoff({ what: 'learning payload shapes', logger, initialMs: 200, maxMs: 10_000 });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = () => {
    timer = undefined;
    if (stopped) return;
    let learned: number;
    try {
      learned = learner.learnBatch(BATCH);
    } catch (error) {
      return schedule(backoff.failed(error));
    }
    backoff.succeeded();
    if (learned === BATCH) schedule(0);
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
