import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Self time per function from the V8 CPU profiles in `dir` (written by `node --cpu-prof`), biggest
 * first — the first place to look when Inlet falls short of the ceiling.
 */
export function topSelfTime(dir, root, limit = 25, { mainThreadOnly = false, busyOnly = false } = {}) {
  const totals = new Map();
  let all = 0;
  // CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile: the main thread's id is 0.
  const wanted = (f) => f.endsWith('.cpuprofile') && (!mainThreadOnly || /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  for (const file of readdirSync(dir).filter(wanted)) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url ? `${relative(root, url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : '(native)';
      if (busyOnly && functionName === '(idle)') continue;
      const key = `${functionName || '(anonymous)'}  ${where}`;
      const us = (node.hitCount ?? 0) * interval;
      all += us;
      totals.set(key, (totals.get(key) ?? 0) + us);
    }
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, us]) => ({ fn, ms: us / 1000, share: all ? us / all : 0 }));
}
