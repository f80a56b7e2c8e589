import type { Clock } from '../ports';
import type { DestinationCache } from './destination-cache';
import type { DestinationRecord, DestinationsRepo } from './destinations-repo';
import type { Timers } from './delivery-service';

type Health = 'ok' | 'failing' | 'held' | 'disabled' | 'idle';

interface HoldDeps {
  repo: DestinationsRepo;
  cache: DestinationCache;
  clock: Clock;
  timers: Timers;
  probe: (url: string) => Promise<boolean>;
  probeIntervalMs: number;
  heldCount: (id: string) => number;
  onStatus: (d: DestinationRecord, health: Health, startedFailing: boolean, error: string | null) => void;
  onReleased: (id: string, ratePerSecond: number | null) => void;
  isStopped: () => boolean;
}

/**
 * Pause and resume by hand, and the automatic hold: when a destination's app refuses connections
 * (it is restarting, the laptop slept), its deliveries wait instead of spending their retries, and
 * the address is probed until something listens again. Both are stored on the destination, so a
 * restart of Inlet keeps holding (and probing) where it was.
 */
export function createHoldControl(deps: HoldDeps) {
  const probes = new Map<string, unknown>();

  const save = (d: DestinationRecord, paused: boolean, autoHeldAt: number | null): DestinationRecord => {
    deps.repo.setHold(d.id, paused, autoHeldAt);
    const next = { ...d, paused, autoHeldAt };
    deps.cache.put(next);
    return next;
  };

  const scheduleProbe = (id: string) => {
    if (probes.has(id) || deps.isStopped()) return;
    const handle = deps.timers.set(() => {
      void runProbe(id);
    }, deps.probeIntervalMs);
    probes.set(id, handle);
  };

  async function runProbe(id: string) {
    const d = deps.cache.get(id);
    if (!d || d.autoHeldAt === null || deps.isStopped()) return void probes.delete(id);
    const up = await deps.probe(d.url).catch(() => false);
    probes.delete(id);
    if (deps.isStopped()) return;
    const current = deps.cache.get(id);
    if (!current || current.autoHeldAt === null) return;
    if (!up) return scheduleProbe(id);
    const released = save(current, current.paused, null);
    deps.onStatus(released, released.paused ? 'held' : 'idle', false, null);
    if (!released.paused) deps.onReleased(id, null);
  }

  return {
    /** The app refused a connection: hold (once) and start probing. */
    autoHold(d: DestinationRecord, error: string | null) {
      const current = deps.cache.get(d.id) ?? d;
      if (current.autoHeldAt === null) {
        const held = save(current, current.paused, deps.clock.now());
        deps.onStatus(held, 'held', true, error);
      }
      scheduleProbe(d.id);
    },
    pause(d: DestinationRecord): DestinationRecord {
      const next = save(d, true, d.autoHeldAt);
      deps.onStatus(next, 'held', false, null);
      return next;
    },
    /** Releases held deliveries in order, at `ratePerSecond` when given; also lifts an automatic hold. */
    resume(d: DestinationRecord, ratePerSecond: number | null): DestinationRecord {
      const next = save(d, false, null);
      const handle = probes.get(d.id);
      if (handle !== undefined) deps.timers.clear(handle);
      probes.delete(d.id);
      deps.onStatus(next, 'idle', false, null);
      deps.onReleased(d.id, ratePerSecond);
      return next;
    },
    /** Probes every automatically held destination (at start and after configuration changes). */
    startProbes() {
      for (const d of deps.cache.all()) if (d.autoHeldAt !== null) scheduleProbe(d.id);
    },
    stop() {
      for (const handle of probes.values()) deps.timers.clear(handle);
      probes.clear();
    },
  };
}
