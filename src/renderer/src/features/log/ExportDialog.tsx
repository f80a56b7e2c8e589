import { useEffect } from 'react';
import { LOG_EXPORT_FILES, LOG_EXPORT_FORMATS } from '../../../../shared/domain/log-export';
import { Modal } from '../../components/Modal';
import { useApp } from '../../app/store-context';
import { ExportPreview } from './ExportPreview';
import { RedactionFields } from './RedactionFields';
import './export.css';

/** Settings change as the user types; the preview follows after a short pause. */
const PREVIEW_DELAY_MS = 250;

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Log → Export…: the log as filtered now, in a format, redacted by rules, previewed before saving. */
export function ExportDialog({ filtered, onClose }: { filtered: boolean; onClose(): void }) {
  const settings = useApp((s) => s.exportSettings);
  const update = useApp((s) => s.setExportSettings);
  const loadPreview = useApp((s) => s.loadExportPreview);
  const total = useApp((s) => s.exportPreview.value?.total ?? null);
  const job = useApp((s) => s.exportJob);
  const start = useApp((s) => s.startExport);
  const cancel = useApp((s) => s.cancelExport);
  const clear = useApp((s) => s.clearExport);
  const running = job?.state === 'running';

  useEffect(() => {
    const timer = setTimeout(() => void loadPreview(), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [settings, loadPreview]);

  const close = () => {
    if (running) cancel();
    clear();
    onClose();
  };

  return (
    <Modal title="Export the log" subtitle={`${filtered ? 'The events the log’s filters match' : 'Every event of this environment'}, oldest first.`} onClose={close} testId="export-dialog">
      <div className="modal__body export-dialog">
        <fieldset className="export-dialog__formats">
          <legend className="export-redaction__legend">Format</legend>
          {LOG_EXPORT_FORMATS.map((format) => (
            <label key={format} className="export-dialog__format">
              <input type="radio" name="export-format" value={format} checked={settings.format === format} data-testid={`export-format-${format}`} onChange={() => update({ format })} />{' '}
              {LOG_EXPORT_FILES[format].label}
            </label>
          ))}
          {settings.format === 'bundle' && (
            <div className="export-dialog__option">
              <label>
                <input type="checkbox" checked={settings.workspace} aria-describedby="export-workspace-help" data-testid="export-workspace" onChange={(e) => update({ workspace: e.target.checked })} />{' '}
                Include the workspace snapshot
              </label>
              <p id="export-workspace-help" className="field__help">
                This environment’s users, objects, tenants, subscriptions and audiences (not workflow runs), redacted like the events.
              </p>
            </div>
          )}
        </fieldset>
        <RedactionFields />
        <ExportPreview />
      </div>
      <footer className="modal__footer">
        <span className="modal__footer-note muted" role="status" data-testid="export-status" data-state={job?.state ?? 'idle'}>
          {job === null
            ? total === null
              ? ''
              : `${total.toLocaleString()} event(s) will be written.`
            : job.state === 'running'
              ? `Exporting… ${job.done.toLocaleString()} / ${job.total.toLocaleString()}${job.bytes ? ` (${sizeText(job.bytes)})` : ''}`
              : job.state === 'done'
                ? `Saved ${job.done.toLocaleString()} event(s)${job.fileName ? ` to ${job.fileName}` : ''}${job.summary?.redactedEvents ? `, ${job.summary.redactedEvents} redacted` : ''}.`
                : job.state === 'cancelled'
                  ? 'Export cancelled.'
                  : (job.error ?? 'Export failed.')}
        </span>
        {running && <progress className="export-dialog__progress" max={Math.max(job.total, 1)} value={job.done} aria-label="Export progress" data-testid="export-progress" />}
        <button type="button" className="btn" data-testid={running ? 'export-cancel' : 'export-close'} onClick={running ? cancel : close}>
          {running ? 'Cancel' : 'Close'}
        </button>
        <button type="button" className="btn btn--primary" data-testid="export-save" disabled={running || total === 0} onClick={() => void start()}>
          Save…
        </button>
      </footer>
    </Modal>
  );
}
