import type { BulkReplay } from './replay.slice';

const DONE_TEXT = { finished: 'Replayed', cancelled: 'Cancelled after', failed: 'Stopped after' } as const;

/** "Replayed 46 of 47 — 1 failed: <reason>": a replay that failed is never counted as replayed. */
export function bulkReplayLabel(job: BulkReplay): string {
  if (job.state === 'running' || job.state === 'starting') return job.reattached ? 'Bulk replay in progress…' : 'Replaying matching events…';
  const failed = job.failed ?? 0;
  const count = job.state === 'finished' ? job.done - failed : job.done;
  const text = `${DONE_TEXT[job.state]} ${count.toLocaleString()} of ${job.total.toLocaleString()}`;
  if (failed === 0) return text;
  const reason = job.failures?.[0]?.error;
  const first = reason === undefined ? '' : failed === 1 ? `: ${reason}` : `; the first: ${reason}`;
  return `${text} — ${failed.toLocaleString()} failed${first}`;
}
