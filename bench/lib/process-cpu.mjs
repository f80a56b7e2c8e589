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

/** CPU time of thread `tid` of process `pid` (the main thread's tid is the pid), in ms; null where /proc is not there. */
function threadCpuMs(pid, tid) {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** The machine's CPU time so far: [busy, idle] in clock ticks, summed over cores (/proc/stat). */
function machineTicks() {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const ticks = values.map(Number);
    const idle = ticks[3] + ticks[4]; // idle, iowait
    return [ticks.reduce((a, b) => a + b, 0) - idle, idle];
  } catch {
    return null;
  }
}

/** Where CPU time goes while `pid` takes load from this process: call, run the load, call what it returned. */
export function cpuBudget(pid) {
  const before = { host: cpuMs(pid), main: threadCpuMs(pid, pid), self: process.cpuUsage(), machine: machineTicks() };
  /** Per request (µs): the host's main thread and its other threads, the load generator (this process); the machine's idle share. */
  return (requests) => {
    const host = cpuMs(pid), main = threadCpuMs(pid, pid), self = process.cpuUsage(before.self), machine = machineTicks();
    if ([before.host, before.main, before.machine, host, main, machine].includes(null) || requests <= 0) return null;
    const busy = machine[0] - before.machine[0], idle = machine[1] - before.machine[1];
    return {
      mainUs: ((main - before.main) * 1000) / requests,
      otherThreadsUs: ((host - before.host - (main - before.main)) * 1000) / requests,
      generatorUs: (self.user + self.system) / requests,
      machineIdle: idle / (busy + idle),
    };
  };
}
