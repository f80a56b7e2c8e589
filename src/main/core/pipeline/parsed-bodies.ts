import type { NewEvent } from '../store/repos/events.repo';

/** What `take` answers for an event whose parsed body was not kept. */
export const NOT_KEPT: unique symbol = Symbol('not kept');

/**
 * The parsed bodies of events just written and waiting for their mappings, so the processor maps
 * the body the receiver (or replay) already parsed instead of parsing it again. Bounded by the
 * bodies' size; when full, newer events are not kept (the oldest are mapped next). An event not
 * kept, or pending since a restart, is parsed from the log as before.
 */
export function createParsedBodies(maxBodyBytes = 1024 * 1024) {
  // Insertion order is id order: ids grow with every commit.
  const kept = new Map<number, { value: unknown; bytes: number }>();
  let bytes = 0;
  const drop = (id: number, entry: { bytes: number }) => {
    kept.delete(id);
    bytes -= entry.bytes;
  };
  return {
    keep(ids: readonly number[], events: readonly NewEvent[]): void {
      events.forEach((e, i) => {
        if (e.processing !== 'pending' || e.parsedBody === undefined || bytes + e.body.length > maxBodyBytes) return;
        kept.set(ids[i]!, { value: e.parsedBody, bytes: e.body.length });
        bytes += e.body.length;
      });
    },
    /** The processor maps in id order: anything older than `id` still kept will never be asked for. */
    take(id: number): unknown {
      for (const [older, entry] of kept) {
        if (older >= id) break;
        drop(older, entry);
      }
      const entry = kept.get(id);
      if (!entry) return NOT_KEPT;
      drop(id, entry);
      return entry.value;
    },
    get size() {
      return kept.size;
    },
  };
}
export type ParsedBodies = ReturnType<typeof createParsedBodies>;
