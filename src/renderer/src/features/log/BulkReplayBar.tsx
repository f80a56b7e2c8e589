import { useState } from 'react';
import { useApp } from '../../app/store-context';
import type { ReplayOptions } from './replay.slice';
import { ReplayOptionsFields } from './ReplayOptionsFields';

const DONE_TEXT = { finished: 'Replayed', cancelled: 'Cancelled after', failed: 'Stopped after' } as const;

/** Replays every event the filter matches, with progress and Cancel; nothing else waits for it. */
export function BulkReplayBar({ filtered }: { filtered: boolean }) {
  const [asking, setAsking] = useState(false);
  const [options, setOptions] = useState<ReplayOptions>({ mode: 'as_is', respectIdempotency: false });
  const job = useApp((s) => s.bulkReplay);
  const start = useApp((s) => s.startBulkReplay);
  const cancel = useApp((s) => s.cancelBulkReplay);
  const dismiss = useApp((s) => s.dismissBulkReplay);

  if (job) {
    const running = job.state === 'running' || job.state === 'starting';
    return (
      <div className="bulk-replay" role="status" data-testid="bulk-replay" data-state={job.state}>
        <span className="bulk-replay__label">
          {running ? 'Replaying matching events…' : `${DONE_TEXT[job.state as keyof typeof DONE_TEXT]} ${job.done} of ${job.total}`}
        </span>
        <progress className="bulk-replay__bar" max={Math.max(job.total, 1)} value={job.done} aria-label="Bulk replay progress" data-testid="bulk-replay-progress" />
        <span className="bulk-replay__count" data-testid="bulk-replay-count">
          {job.done} / {job.total}
        </span>
        {job.error && <span className="field__error">{job.error}</span>}
        {running ? (
          <button type="button" className="btn btn--small" disabled={!job.jobId} data-testid="bulk-replay-cancel" onClick={() => void cancel()}>
            Cancel
          </button>
        ) : (
          <button type="button" className="btn btn--small btn--ghost" data-testid="bulk-replay-dismiss" onClick={dismiss}>
            Dismiss
          </button>
        )}
      </div>
    );
  }

  if (!asking) {
    return (
      <button type="button" className="btn btn--small" data-testid="bulk-replay-open" onClick={() => setAsking(true)}>
        {filtered ? 'Replay matching…' : 'Replay all…'}
      </button>
    );
  }
  return (
    <div className="bulk-replay bulk-replay--ask" role="group" aria-label="Replay matching events" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <span className="bulk-replay__label">Replay every {filtered ? 'matching ' : ''}event, oldest first (at most 10,000)</span>
      <ReplayOptionsFields value={options} onChange={setOptions} idPrefix="bulk-replay" />
      <button
        type="button"
        className="btn btn--small btn--primary"
        autoFocus
        data-testid="bulk-replay-start"
        onClick={() => {
          setAsking(false);
          void start(options);
        }}
      >
        Replay
      </button>
      <button type="button" className="btn btn--small btn--ghost" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}
