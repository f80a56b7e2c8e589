import { useState } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FileDrop } from '../../components/FileDrop';
import { describeApiError } from '../../lib/errors';
import type { BundleAction } from '../../../../shared/domain/bundle-preview';
import { readBundleText } from './config-file';
import { BundlePreviewTable } from './BundlePreviewTable';
import { ConfigImportReport } from './ConfigImportReport';

/** Pick a file, see item by item what importing it would do, choose per conflict, import; then the report. */
export function ConfigImportForm() {
  const status = useApp((s) => s.configImport);
  const preview = useApp((s) => s.previewBundle);
  const importBundle = useApp((s) => s.importBundle);
  const clear = useApp((s) => s.clearConfigImport);
  const [fileError, setFileError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, BundleAction>>({});
  const [passphrase, setPassphrase] = useState('');

  if (status?.state === 'done' && status.report) {
    return (
      <ConfigImportReport
        report={status.report}
        onDone={() => {
          clear();
          setChoices({});
          setPassphrase('');
        }}
      />
    );
  }
  const onText = (text: string, name: string) => {
    const read = readBundleText(text);
    setChoices({});
    if (!read.ok) {
      clear();
      return setFileError(`${name}: ${read.error}`);
    }
    setFileError(null);
    void preview(read.json, name);
  };
  const plan = status?.preview;
  const busy = status?.state === 'importing' || status?.state === 'previewing';
  return (
    <div className="config-import" data-testid="config-import">
      <h3 className="config__subtitle">Import a bundle</h3>
      <FileDrop label="an inlet-bundle (or older inlet-config) file" onText={onText} testId="config-import-file" />
      {fileError && (
        <p className="field__error" data-testid="config-import-file-error">
          {fileError}
        </p>
      )}
      {plan && (
        <div className="config-import__ready" data-testid="config-import-ready">
          <p>
            <strong>{status.fileName}</strong>: exported {new Date(plan.exportedAt).toLocaleString()} by Inlet {plan.inletVersion}
            {plan.redacted ? ' (redacted: replays of its events are re-signed)' : ''}.
          </p>
          {plan.scripts.length > 0 && (
            <p className="notice notice--warn">
              It holds {plan.scripts.length} preprocess {plan.scripts.length === 1 ? 'script' : 'scripts'}. Scripts from a file do not run until you approve each one on its source’s Settings tab.
            </p>
          )}
          {plan.secrets === 'plain' && <p className="notice notice--warn">The file carries secrets in plain text; delete it once imported.</p>}
          {plan.secrets === 'sealed' && (
            <label className="field">
              <span className="field__label">Passphrase for the sealed secrets</span>
              <input type="password" className="input" autoComplete="off" value={passphrase} data-testid="config-import-passphrase" onChange={(e) => setPassphrase(e.target.value)} />
              <span className="field__help">Without it, the sources arrive without their signing secrets.</span>
            </label>
          )}
          <BundlePreviewTable items={plan.items} choices={choices} onChoose={(ref, action) => setChoices({ ...choices, [ref]: action })} />
          <div className="actions">
            <button type="button" className="btn btn--primary" disabled={busy} data-testid="config-import-run" onClick={() => void importBundle({ passphrase: passphrase || undefined, choices })}>
              {status.state === 'importing' ? 'Importing…' : 'Import'}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={clear}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ErrorNotice message={status?.error ? describeApiError(status.error) : null} />
    </div>
  );
}
