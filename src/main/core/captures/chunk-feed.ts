/**
 * Text parts pushed by a client (`captures.append`), read by the import as a stream. A push is
 * answered once the reader has taken the part, so at most one part waits: memory stays bounded
 * however large the file.
 */
export function createChunkFeed() {
  let waiting: { text: string; end: boolean; taken(accepted: boolean): void } | null = null;
  let wake: (() => void) | null = null;
  let closed = false;

  async function* read(): AsyncGenerator<string> {
    for (;;) {
      if (waiting === null) {
        if (closed) return;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const part = waiting;
      waiting = null;
      part.taken(true);
      if (part.text !== '') yield part.text;
      if (part.end) {
        closed = true;
        return;
      }
    }
  }

  return {
    chunks: read(),
    /** Resolves true once taken, false if the import no longer reads (ended, cancelled, or a part is already waiting). */
    push(text: string, end: boolean): Promise<boolean> {
      if (closed || waiting !== null) return Promise.resolve(false);
      return new Promise<boolean>((taken) => {
        waiting = { text, end, taken };
        wake?.();
        wake = null;
      });
    },
    /** The import stopped reading: a waiting push is refused, the reader ends. */
    close(): void {
      closed = true;
      waiting?.taken(false);
      waiting = null;
      wake?.();
      wake = null;
    },
  };
}
export type ChunkFeed = ReturnType<typeof createChunkFeed>;
