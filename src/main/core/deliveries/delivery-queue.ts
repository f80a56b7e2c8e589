import type { Clock } from '../ports';
import type { AttemptRecorder } from './attempt-recorder';
import type { ClaimedDelivery, DeliveriesRepo } from './deliveries-repo';
import type { DestinationCache } from './destination-cache';
import type { DestinationRecord } from './destinations-repo';
import { TRICKLE_MS, type IngestGauge } from './ingest-gauge';

/** setTimeout by another name, so tests can see and drive the wake-ups. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, Math.max(0, Math.min(ms, 2 ** 31 - 1))).unref(),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Due deliveries claimed from the database in one read, started from memory. */
const CLAIM = 256;
/**
 * Outbox rows queued as deliveries per pump: a transaction of a few ms between the receiver's
 * turns once it is quiet; while it takes a burst, a few more when a destination has none claimed.
 */
export const OUTBOX_CHUNK = 1024;
const OUTBOX_TRICKLE = 64;
/**
 * A request read with its claim is sent as read within this long; later (a release at a slow
 * rate) it is read again when its delivery starts, so an event deleted meanwhile is not sent.
 */
const READ_ALONG_FRESH_MS = 1_000;

export interface DestState {
  inflight: Set<number>;
  /** Claimed, not started yet: due ones by (next_at, id); for an ordered destination its oldest pending ones by id. */
  queue: ClaimedDelivery[];
  /** When `queue` was read. */
  claimedAt: number;
  /** Release at a chosen rate: the earliest time the next delivery may start. */
  rate: { intervalMs: number; nextStartAt: number } | null;
  health: 'ok' | 'failing' | 'idle';
}

interface QueueDeps {
  repo: DeliveriesRepo;
  cache: DestinationCache;
  clock: Clock;
  timers: Timers;
  recorder: AttemptRecorder;
  ingest: IngestGauge;
  /** A destination that no longer exists. */
  onGone(id: string): void;
  start(row: ClaimedDelivery, d: DestinationRecord, st: DestState): void;
}

/**
 * Which delivery starts when: per destination at most its concurrency (one, in id order, when
 * ordered), due ones claimed from the database CLAIM at a time, at a chosen rate after a release,
 * one wake-up timer for the whole queue (the earliest retry or rate slot), none per delivery.
 */
export function createDeliveryQueue(deps: QueueDeps) {
  const { repo, cache, clock, timers, recorder, ingest } = deps;
  const states = new Map<string, DestState>();
  const active = new Set<string>(repo.destinationsWithPending());
  let wake: { at: number; handle: unknown } | null = null;
  let pumpQueued = false;
  let stopped = false;

  const stateOf = (id: string): DestState => {
    let s = states.get(id);
    if (!s) states.set(id, (s = { inflight: new Set(), queue: [], claimedAt: 0, rate: null, health: 'idle' }));
    return s;
  };

  /** Soon: at once when the receiver is quiet, after TRICKLE_MS while it takes a burst (deliveries yield to ingest). */
  function schedulePump() {
    if (pumpQueued || stopped) return;
    pumpQueued = true;
    const run = () => {
      pumpQueued = false;
      pump();
    };
    if (ingest.busy()) setTimeout(run, TRICKLE_MS).unref();
    else setImmediate(run);
  }

  function wakeAt(at: number) {
    if (wake && wake.at <= at) return;
    if (wake) timers.clear(wake.handle);
    const handle = timers.set(() => {
      wake = null;
      pump();
    }, at - clock.now());
    wake = { at, handle };
  }

  /** Outbox rows become deliveries: `limit` of them, or those of events up to `throughEventId`. */
  function queueOutbox(limit: number, throughEventId: number | null = null): void {
    for (const id of repo.queueOutbox(limit, throughEventId)) active.add(id);
  }

  function pump() {
    if (stopped) return;
    const busy = ingest.busy();
    if (repo.outboxRows() > 0) {
      // Quiet: a chunk per pump until it is empty. Busy: only what a destination runs short of (below).
      if (!busy) queueOutbox(OUTBOX_CHUNK);
      if (repo.outboxRows() > 0) schedulePump();
    }
    const now = clock.now();
    let earliest = Infinity;
    for (const id of [...active]) {
      const d = cache.get(id);
      if (!d) {
        active.delete(id);
        states.delete(id);
        deps.onGone(id);
        continue;
      }
      if (!d.enabled || d.paused || d.autoHeldAt !== null) continue;
      const st = stateOf(id);
      const limit = d.ordered ? 1 : d.concurrency;
      if (st.inflight.size >= limit) continue;
      if (st.queue.length === 0) claim(d, st, now);
      if (st.queue.length === 0 && busy && repo.outboxRows() > 0) {
        queueOutbox(OUTBOX_TRICKLE);
        claim(d, st, now);
      }
      if (st.queue.length === 0) {
        const next = st.inflight.size === 0 ? repo.earliest(id) : null;
        if (next !== null) earliest = Math.min(earliest, next);
        else if (st.inflight.size === 0) {
          active.delete(id);
          st.rate = null;
        }
        continue;
      }
      while (st.queue.length > 0 && st.inflight.size < limit) {
        const row = st.queue[0]!;
        if (row.next_at > now) {
          earliest = Math.min(earliest, row.next_at);
          break;
        }
        if (st.rate) {
          if (now < st.rate.nextStartAt) {
            earliest = Math.min(earliest, st.rate.nextStartAt);
            break;
          }
          st.rate.nextStartAt = now + st.rate.intervalMs;
        }
        st.queue.shift();
        if (row.request && now - st.claimedAt > READ_ALONG_FRESH_MS) delete row.request;
        // Ordered: the app never has the next event before the previous answer is committed, so a
        // crash repeats at most the one delivery that was in flight.
        if (d.ordered && recorder.size > 0) recorder.flush();
        deps.start(row, d, st);
      }
    }
    if (earliest !== Infinity) wakeAt(earliest);
  }

  /**
   * One read for the next CLAIM deliveries. Answered attempts are committed first, so none of
   * them is read as pending again; those in flight are still pending in the database and skipped.
   */
  function claim(d: DestinationRecord, st: DestState, now: number) {
    if (recorder.size > 0) recorder.flush();
    const rows = d.ordered ? repo.pending(d.id, CLAIM) : repo.due(d.id, now, CLAIM + st.inflight.size);
    st.queue = st.inflight.size === 0 ? rows : rows.filter((r) => !st.inflight.has(r.id));
    st.claimedAt = now;
  }

  return {
    stateOf,
    schedulePump,
    pump,
    queueOutbox,
    /** Deliveries of the destination may be waiting: look again (the claimed ones are read afresh). */
    activate(id: string): void {
      active.add(id);
      stateOf(id).queue = [];
    },
    /** A delivery was added (in the ingest writer's transaction): claimed once the queue reaches it. */
    added(id: string): void {
      active.add(id);
    },
    hasActive: (): boolean => active.size > 0,
    /** Configuration changed: every claimed delivery is read afresh. */
    reset(): void {
      for (const st of states.values()) st.queue = [];
      for (const id of repo.destinationsWithPending()) active.add(id);
    },
    stop(): void {
      stopped = true;
      if (wake) timers.clear(wake.handle);
    },
  };
}
export type DeliveryQueue = ReturnType<typeof createDeliveryQueue>;
