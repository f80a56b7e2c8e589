import { useApp } from '../../app/store-context';
import { bulkReplayLabel } from './bulk-replay-label';
import type { BulkReplay } from './replay.slice';

/** One bulk replay's progress with Cancel (while it runs) or Dismiss (once it ended). */
export function BulkReplayProgress({ job }: { job: BulkReplay }) {
  const cancel = useApp((s) => s.cancelBulkReplay);
  const dismiss = useApp((s) => s.dismissBulkReplay);
  const running = job.state === 'running' || job.state === 'starting';
  const label = bulkReplayLabel(job);

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
