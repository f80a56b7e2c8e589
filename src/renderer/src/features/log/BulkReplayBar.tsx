import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../../shared/api/contract';
import { useApp } from '../../app/store-context';
import { describeError } from '../../lib/errors';
import { BulkReplayProgress } from './BulkReplayProgress';
import { bulkReplayNote } from './bulk-replay-plan';
import type { BulkReplayOptions, ReplayPlan } from './replay.slice';
import { ReplayOptionsFields } from './ReplayOptionsFields';
import { replayQuestion } from './replay-question';
import { selectLogFilter } from './log.slice';

type Count = { state: 'counting' } | { state: 'counted'; value: ApiOutput<'events.count'> } | { state: 'failed'; error: string };
type Plan = { state: 'checking' } | { state: 'checked'; value: ReplayPlan } | { state: 'failed'; error: string };

/** Replays every event the filter matches, with progress and Cancel; nothing else waits for it. */
export function BulkReplayBar({ filtered }: { filtered: boolean }) {
  const [asking, setAsking] = useState(false);
  const [count, setCount] = useState<Count>({ state: 'counting' });
  const [plan, setPlan] = useState<Plan>({ state: 'checking' });
  // Without a choice each event takes its default, as the API and the CLI do when no mode is given.
  const [options, setOptions] = useState<BulkReplayOptions>({ mode: null, respectIdempotency: false });
  const jobs = useApp((s) => s.bulkReplays);
  const start = useApp((s) => s.startBulkReplay);
  const countMatching = useApp((s) => s.countMatching);
  const planOf = useApp((s) => s.replayPlanOf);
  const query = useApp((s) => s.currentLogQuery);
  // The count follows the filter while the question is open.
  const filterKey = useApp((s) => `${s.currentEnv}|${s.logScope}|${JSON.stringify(selectLogFilter(s))}`);
  const busy = jobs.some((job) => (job.state === 'running' || job.state === 'starting') && !job.reattached);

  useEffect(() => {
    const q = asking ? query() : null;
    if (q === null) return;
    let live = true;
    setCount({ state: 'counting' });
    setPlan({ state: 'checking' });
    countMatching(q).then(
      (value) => live && setCount({ state: 'counted', value }),
      (error: unknown) => live && setCount({ state: 'failed', error: describeError(error) }),
    );
    // Which of them the default re-signs is read from each signature: said before anything is replayed.
    planOf(q).then(
      (value) => live && setPlan({ state: 'checked', value }),
      (error: unknown) => live && setPlan({ state: 'failed', error: `Could not check their signatures: ${describeError(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [asking, countMatching, planOf, query, filterKey]);
  const note = plan.state === 'checked' ? bulkReplayNote(plan.value, options.mode) : plan.state === 'failed' ? plan.error : options.mode === null ? 'Checking their signatures…' : null;

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
        <div className="bulk-replay bulk-replay--ask" role="group" aria-label="Replay matching events" data-testid="bulk-replay-ask" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
          <span className="bulk-replay__label" data-testid="bulk-replay-question" aria-live="polite">
            {count.state === 'counting' ? 'Counting matching events…' : count.state === 'failed' ? count.error : replayQuestion(count.value)}
          </span>
          <ReplayOptionsFields perEvent value={options} onChange={setOptions} idPrefix="bulk-replay" />
          {note && (
            <p className="bulk-replay__plan" data-testid="bulk-replay-plan" data-state={plan.state} aria-live="polite">
              {note}
            </p>
          )}
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
