import type { NewEvent } from '../store/repos/events.repo';

/** What `take` answers for an event whose parsed body was not kept. */
export const NOT_KEPT: unique symbol = Symbol('not kept');

const awaitsMapping = (e: NewEvent) => e.processing === 'pending';

/**
 * The parsed bodies of events just written, for a reader that goes through them in id order after
 * the commit (the processor's mappings, the shape learner), so it uses the body the receiver (or
 * replay) already parsed instead of parsing it again. Bounded by the bodies' size; when full, newer
 * events are not kept. An event not kept, or written before a restart, is parsed from the log.
 */
export function createParsedBodies(maxBodyBytes = 1024 * 1024, wanted: (e: NewEvent) => boolean = awaitsMapping) {
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
        if (!wanted(e) || e.parsedBody === undefined || bytes + e.body.length > maxBodyBytes) return;
        kept.set(ids[i]!, { value: e.parsedBody, bytes: e.body.length });
        bytes += e.body.length;
      });
    },
    /** Readers go in id order: anything older than `id` still kept will never be asked for. */
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
