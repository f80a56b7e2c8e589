import { readFileSync } from 'node:fs';

/** CPU time a process has used (user + system), in ms; null where /proc is not there. */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks: USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const WINDOW_MS = 500;
/** Quiet: under 5 % of a core over a window. */
const QUIET_CPU_MS = WINDOW_MS * 0.05;

/**
 * Waits until process `pid` is quiet (at most `maxMs`): what it put off while saturated (indexing,
 * WAL copying) is then done and does not land in the next target's measurement. Returns how long
 * that took and the CPU it used meanwhile; null where /proc is not there.
 */
export async function settle(pid, { maxMs = 60_000 } = {}) {
  const started = Date.now();
  const first = cpuMs(pid);
  if (first === null) return null;
  let last = first;
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const now = cpuMs(pid) ?? last;
    if (now - last < QUIET_CPU_MS) return { ms: Date.now() - started, cpuMs: now - first };
    last = now;
  }
  return { ms: Date.now() - started, cpuMs: last - first, timedOut: true };
}
