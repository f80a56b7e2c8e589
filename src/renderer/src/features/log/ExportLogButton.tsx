import { useState } from 'react';
import { useApp } from '../../app/store-context';
import { downloadText } from '../../lib/download';
import { captureFileText } from './capture-format';
import { EXPORT_LIMITS } from './export.slice';

/** Saves the newest N events the filter matches as one captures file, with progress and Cancel. */
export function ExportLogButton({ filtered }: { filtered: boolean }) {
  const [asking, setAsking] = useState(false);
  const [max, setMax] = useState<number>(EXPORT_LIMITS[1]);
  const job = useApp((s) => s.exportJob);
  const run = useApp((s) => s.exportMatching);
  const cancel = useApp((s) => s.cancelExport);
  const clear = useApp((s) => s.clearExport);
  const env = useApp((s) => s.currentEnv);

  const start = async () => {
    setAsking(false);
    const captures = await run(max);
    if (captures) downloadText(`inlet-events-${env ?? 'log'}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`, captureFileText(captures));
  };

  if (job) {
    const running = job.state === 'running';
    return (
      <div className="bulk-replay" role="status" data-testid="export-log-status" data-state={job.state}>
        <span className="bulk-replay__label">{running ? 'Exporting…' : job.state === 'done' ? `Exported ${job.done.toLocaleString()}` : job.state === 'cancelled' ? 'Export cancelled' : 'Export failed'}</span>
        {running && <progress className="bulk-replay__bar" max={Math.max(job.total, 1)} value={job.done} aria-label="Export progress" data-testid="export-log-progress" />}
        {running && (
          <span className="bulk-replay__count">
            {job.done} / {job.total}
          </span>
        )}
        {job.error && <span className="field__error">{job.error}</span>}
        <button type="button" className="btn btn--small btn--ghost" data-testid={running ? 'export-log-cancel' : 'export-log-dismiss'} onClick={running ? cancel : clear}>
          {running ? 'Cancel' : 'Dismiss'}
        </button>
      </div>
    );
  }
  if (!asking) {
    return (
      <button type="button" className="btn btn--small" data-testid="export-log-open" onClick={() => setAsking(true)}>
        Export…
      </button>
    );
  }
  return (
    <div className="bulk-replay bulk-replay--ask" role="group" aria-label="Export events" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <label className="bulk-replay__label" htmlFor="export-max">
        Export the newest {filtered ? 'matching ' : ''}
      </label>
      <select id="export-max" className="select" value={max} data-testid="export-log-max" onChange={(e) => setMax(Number(e.target.value))}>
        {EXPORT_LIMITS.map((n) => (
          <option key={n} value={n}>
            {n.toLocaleString()}
          </option>
        ))}
      </select>
      <span className="bulk-replay__label">events as a captures file</span>
      <button type="button" className="btn btn--small btn--primary" autoFocus data-testid="export-log-start" onClick={() => void start()}>
        Export
      </button>
      <button type="button" className="btn btn--small btn--ghost" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}
