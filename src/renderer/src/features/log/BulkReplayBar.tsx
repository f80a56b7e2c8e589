import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../../shared/api/contract';
import { useApp } from '../../app/store-context';
import { describeError } from '../../lib/errors';
import { BulkReplayProgress } from './BulkReplayProgress';
import type { ReplayOptions } from './replay.slice';
import { ReplayOptionsFields } from './ReplayOptionsFields';
import { replayQuestion } from './replay-question';
import { selectLogFilter } from './log.slice';

type Count = { state: 'counting' } | { state: 'counted'; value: ApiOutput<'events.count'> } | { state: 'failed'; error: string };

/** Replays every event the filter matches, with progress and Cancel; nothing else waits for it. */
export function BulkReplayBar({ filtered }: { filtered: boolean }) {
  const [asking, setAsking] = useState(false);
  const [count, setCount] = useState<Count>({ state: 'counting' });
  const [options, setOptions] = useState<ReplayOptions>({ mode: 'as_is', respectIdempotency: false });
  const jobs = useApp((s) => s.bulkReplays);
  const start = useApp((s) => s.startBulkReplay);
  const countMatching = useApp((s) => s.countMatching);
  const query = useApp((s) => s.currentLogQuery);
  // The count follows the filter while the question is open.
  const filterKey = useApp((s) => `${s.currentEnv}|${s.logScope}|${JSON.stringify(selectLogFilter(s))}`);
  const busy = jobs.some((job) => (job.state === 'running' || job.state === 'starting') && !job.reattached);

  useEffect(() => {
    const q = asking ? query() : null;
    if (q === null) return;
    let live = true;
    setCount({ state: 'counting' });
    countMatching(q).then(
      (value) => live && setCount({ state: 'counted', value }),
      (error: unknown) => live && setCount({ state: 'failed', error: describeError(error) }),
    );
    return () => {
      live = false;
    };
  }, [asking, countMatching, query, filterKey]);

  return (
    <>
      {jobs.map((job, i) => (
        <BulkReplayProgress key={job.jobId ?? `starting-${i}`} job={job} />
      ))}
      {!busy && !asking && (
        <button type="button" className="btn btn--small" data-testid="bulk-replay-open" onClick={() => setAsking(true)}>
          {filtered ? 'Replay matching…' : 'Replay all…'}
        </button>
      )}
      {!busy && asking && (
        <div className="bulk-replay bulk-replay--ask" role="group" aria-label="Replay matching events" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
          <span className="bulk-replay__label" data-testid="bulk-replay-question" aria-live="polite">
            {count.state === 'counting' ? 'Counting matching events…' : count.state === 'failed' ? count.error : replayQuestion(count.value)}
          </span>
          <ReplayOptionsFields value={options} onChange={setOptions} idPrefix="bulk-replay" />
          <button
            type="button"
            className="btn btn--small btn--primary"
            autoFocus
            disabled={count.state === 'counted' && count.value.count === 0}
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
      )}
    </>
  );
}
