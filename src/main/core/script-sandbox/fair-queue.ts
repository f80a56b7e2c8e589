/**
 * Waiting runs, one queue per key (a source), served in turn so that one key's backlog can't
 * hold the others back. A key has at most `maxInFlight` runs in flight unless at least two
 * workers are idle: it may then take one more, always leaving a worker free for another key.
 */
export class FairQueue<T> {
  private readonly keys = new Map<string, { waiting: T[]; inFlight: number; servedAt: number }>();
  private turn = 0;

  constructor(private readonly maxInFlight: number) {}

  /** Runs waiting under `key` (not counting those in flight). */
  waitingFor(key: string): number {
    return this.keys.get(key)?.waiting.length ?? 0;
  }

  push(key: string, item: T): void {
    const entry = this.keys.get(key) ?? { waiting: [], inFlight: 0, servedAt: -1 };
    entry.waiting.push(item);
    this.keys.set(key, entry);
  }

  /** Takes `item` out if it is still waiting; false when it has already started (or never was). */
  remove(key: string, item: T): boolean {
    const entry = this.keys.get(key);
    const index = entry ? entry.waiting.indexOf(item) : -1;
    if (!entry || index < 0) return false;
    entry.waiting.splice(index, 1);
    this.forget(key);
    return true;
  }

  /**
   * The next run to start, counted in flight until `finished(key)`: the oldest waiting run of the
   * key served least recently (a key new to the queue first).
   */
  next(idleWorkers: number): { key: string; item: T } | undefined {
    let chosen: string | undefined;
    let oldest = Infinity;
    for (const [key, entry] of this.keys) {
      if (entry.waiting.length === 0 || entry.servedAt >= oldest) continue;
      if (entry.inFlight >= this.maxInFlight && idleWorkers < 2) continue;
      chosen = key;
      oldest = entry.servedAt;
    }
    const entry = chosen === undefined ? undefined : this.keys.get(chosen);
    if (chosen === undefined || !entry) return undefined;
    entry.inFlight += 1;
    entry.servedAt = ++this.turn;
    return { key: chosen, item: entry.waiting.shift()! };
  }

  finished(key: string): void {
    const entry = this.keys.get(key);
    if (!entry) return;
    entry.inFlight -= 1;
    this.forget(key);
  }

  /** Every waiting item, removed (for shutting down). */
  drain(): T[] {
    const items = [...this.keys.values()].flatMap((entry) => entry.waiting.splice(0));
    for (const key of [...this.keys.keys()]) this.forget(key);
    return items;
  }

  stats(): { waiting: Record<string, number>; inFlight: Record<string, number> } {
    const waiting: Record<string, number> = {};
    const inFlight: Record<string, number> = {};
    for (const [key, entry] of this.keys) {
      if (entry.waiting.length > 0) waiting[key] = entry.waiting.length;
      if (entry.inFlight > 0) inFlight[key] = entry.inFlight;
    }
    return { waiting, inFlight };
  }

  private forget(key: string): void {
    const entry = this.keys.get(key);
    if (entry && entry.waiting.length === 0 && entry.inFlight === 0) this.keys.delete(key);
  }
}
