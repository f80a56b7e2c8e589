import type { NewEvent } from '../store/repos/events.repo';

type Writer = (events: readonly NewEvent[]) => number[];

interface Pending {
  event: NewEvent;
  resolve(id: number): void;
  reject(error: unknown): void;
}

/**
 * Group commit: every event enqueued in one event-loop turn is written in one transaction, and each
 * enqueue resolves only once that transaction has committed. No timer: the batch closes at
 * setImmediate, i.e. right after the I/O callbacks that filled it.
 */
export function createIngestQueue(write: Writer, onCommitted: (ids: number[], events: NewEvent[]) => void) {
  let pending: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const events = batch.map((p) => p.event);
    let ids: number[];
    try {
      ids = write(events);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => p.resolve(ids[i]!));
    onCommitted(ids, events);
  };

  return {
    /** Resolves with the event's id once it is durable. */
    enqueue(event: NewEvent): Promise<number> {
      return new Promise((resolve, reject) => {
        pending.push({ event, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    /** Commits whatever is waiting now (used on shutdown). */
    flush,
    get size() {
      return pending.length;
    },
  };
}
export type IngestQueue = ReturnType<typeof createIngestQueue>;
