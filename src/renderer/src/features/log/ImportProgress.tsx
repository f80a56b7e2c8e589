import { useEffect, useState } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeError } from '../../lib/errors';
import { EMPTY_FILTER } from './log-filter';
import type { ImportJob } from './import.slice';
import { bulkReplayNote } from './bulk-replay-plan';
import type { BulkReplayOptions, ReplayPlan } from './replay.slice';
import { ReplayOptionsFields } from './ReplayOptionsFields';

const ENDED: Record<ImportJob['state'], string> = { sending: 'Importing', done: 'Imported', cancelled: 'Cancelled after importing', failed: 'Stopped after importing' };

/** What replaying the imported events does by default (how many are re-signed, and why); null until known. */
function useImportedPlan(ids: readonly number[]): ReplayPlan | { error: string } | null {
  const planOf = useApp((s) => s.replayPlanOf);
  const [plan, setPlan] = useState<{ ids: readonly number[]; value: ReplayPlan | { error: string } } | null>(null);
  useEffect(() => {
    if (ids.length === 0) return;
    let live = true;
    planOf({ ids: [...ids], max: ids.length }).then(
      (value) => live && setPlan({ ids, value }),
      (error: unknown) => live && setPlan({ ids, value: { error: `Could not check their signatures: ${describeError(error)}` } }),
    );
    return () => {
      live = false;
    };
  }, [planOf, ids]);
  return plan?.ids === ids ? plan.value : null;
}

/** The import's progress with Cancel; then the offer to replay what was imported. */
export function ImportProgress({ job, onClose }: { job: ImportJob; onClose(): void }) {
  const cancel = useApp((s) => s.cancelImport);
  const replay = useApp((s) => s.replayImported);
  const replayState = useApp((s) => s.importReplay);
  const showLog = useApp((s) => s.showLog);
  const where = useApp((s) => `${s.sources.find((x) => x.id === job.sourceId)?.name ?? 'the source'} (${s.environments.find((e) => e.key === job.environment)?.name ?? job.environment})`);
  // Each event's default, as the API and the CLI: stale signatures re-signed; the note says what the others will do.
  const [options, setOptions] = useState<BulkReplayOptions>({ mode: null, respectIdempotency: false });
  const sending = job.state === 'sending';
  const n = job.ids.length;
  const plan = useImportedPlan(sending ? [] : job.ids);
  const note = plan === null ? null : 'error' in plan ? plan.error : bulkReplayNote(plan, options.mode);

  return (
    <>
      <div className="modal__body import-progress" data-testid="import-progress" data-state={job.state}>
        <p role="status" aria-live="polite" data-testid="import-status">
          {sending ? `Importing into ${where}…` : `${ENDED[job.state]} ${n.toLocaleString()} ${n === 1 ? 'request' : 'requests'} into ${where}.`}
        </p>
        <progress className="import-progress__bar" max={Math.max(job.total, 1)} value={job.sent} aria-label="Import progress" data-testid="import-progress-bar" />
        <span className="import-progress__count muted" data-testid="import-progress-count">
          {job.jobId === undefined ? `${job.sent.toLocaleString()} / ${job.total.toLocaleString()}` : `${(job.imported ?? 0).toLocaleString()} imported · ${Math.floor((100 * job.sent) / Math.max(job.total, 1))}% read`}
        </span>
        <ErrorNotice message={job.error ?? null} />
        {(job.skipped ?? 0) > 0 && <p className="muted">{job.skipped!.toLocaleString()} skipped: no body to import (GET and the like).</p>}
        {(job.failed ?? 0) > 0 && (
          <div className="import-file__result">
            <p>{job.failed!.toLocaleString()} could not be imported; the rest were:</p>
            <ul className="import-file__errors" data-testid="import-job-errors">
              {(job.errors ?? []).map((e) => (
                <li key={e.where}>
                  {e.where}: {e.error}
                </li>
              ))}
              {job.failed! > (job.errors?.length ?? 0) && <li>…and {job.failed! - (job.errors?.length ?? 0)} more.</li>}
            </ul>
          </div>
        )}
        {!sending && n > 0 && (
          <section className="import-replay" aria-labelledby="import-replay-title">
            <h3 id="import-replay-title">Replay these through the current mappings</h3>
            <p className="field__help">
              They are in the log as <span className="origin origin--import">import</span>, not mapped. Replaying runs the mappings as they are now; each replay is linked to its import, so the log compares before and after.
            </p>
            <ReplayOptionsFields perEvent value={options} onChange={setOptions} idPrefix="import-replay" />
            {note && (
              <p className="field__help" data-testid="import-replay-plan" aria-live="polite">
                {note}
              </p>
            )}
            <ErrorNotice message={replayState.state === 'failed' ? (replayState.error ?? null) : null} />
          </section>
        )}
      </div>
      <footer className="modal__footer">
        {sending ? (
          <button type="button" className="btn" data-testid="import-cancel" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <>
            <span className="modal__footer-note" />
            <button
              type="button"
              className="btn"
              data-testid="import-show-log"
              onClick={() => {
                void showLog(job.environment, { ...EMPTY_FILTER, sourceId: job.sourceId, origin: 'import' });
                onClose();
              }}
            >
              Show in the log
            </button>
            {n > 0 && (
              <button
                type="button"
                className="btn btn--primary"
                autoFocus
                disabled={replayState.state === 'running'}
                data-testid="import-replay"
                onClick={() => void replay(options).then((ok) => ok && onClose())}
              >
                {replayState.state === 'running' ? 'Replaying…' : `Replay ${n === 1 ? 'it' : `these ${n.toLocaleString()}`}`}
              </button>
            )}
          </>
        )}
      </footer>
    </>
  );
}
