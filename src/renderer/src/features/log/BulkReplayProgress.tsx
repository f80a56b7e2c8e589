import { useApp } from '../../app/store-context';
import type { BulkReplay } from './replay.slice';

const DONE_TEXT = { finished: 'Replayed', cancelled: 'Cancelled after', failed: 'Stopped after' } as const;

/** One bulk replay's progress with Cancel (while it runs) or Dismiss (once it ended). */
export function BulkReplayProgress({ job }: { job: BulkReplay }) {
  const cancel = useApp((s) => s.cancelBulkReplay);
  const dismiss = useApp((s) => s.dismissBulkReplay);
  const running = job.state === 'running' || job.state === 'starting';
  const label = running ? (job.reattached ? 'Bulk replay in progress…' : 'Replaying matching events…') : `${DONE_TEXT[job.state as keyof typeof DONE_TEXT]} ${job.done.toLocaleString()} of ${job.total.toLocaleString()}`;

  return (
    <div className="bulk-replay" role="status" data-testid="bulk-replay" data-state={job.state} data-job-id={job.jobId ?? undefined}>
      <span className="bulk-replay__label">{label}</span>
      <progress className="bulk-replay__bar" max={Math.max(job.total, 1)} value={job.done} aria-label="Bulk replay progress" data-testid="bulk-replay-progress" />
      <span className="bulk-replay__count" data-testid="bulk-replay-count">
        {job.done} / {job.total}
      </span>
      {job.error && <span className="field__error">{job.error}</span>}
      {running ? (
        <button type="button" className="btn btn--small" disabled={!job.jobId} data-testid="bulk-replay-cancel" onClick={() => job.jobId && void cancel(job.jobId)}>
          Cancel
        </button>
      ) : (
        <button type="button" className="btn btn--small btn--ghost" data-testid="bulk-replay-dismiss" onClick={() => dismiss(job.jobId)}>
          Dismiss
        </button>
      )}
    </div>
  );
}
