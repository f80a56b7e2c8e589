import { useState } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FileDrop } from '../../components/FileDrop';
import { describeApiError } from '../../lib/errors';
import { parseConfigFile, type ConfigFileParse } from './config-file';
import type { ConflictHandling } from './config.slice';
import { ConfigImportReport } from './ConfigImportReport';

const CONFLICTS: ReadonlyArray<[ConflictHandling, string, string]> = [
  ['skip', 'Skip it', 'A source whose key exists here is left out (and reported).'],
  ['rename', 'Import under a new key', 'It is imported as a copy with a free key, e.g. stripe-2.'],
];

/** Pick a file, see what it holds, choose conflict handling, import; then the report. */
export function ConfigImportForm() {
  const status = useApp((s) => s.configImport);
  const importConfig = useApp((s) => s.importConfig);
  const clear = useApp((s) => s.clearConfigImport);
  const [file, setFile] = useState<{ name: string; parse: ConfigFileParse } | null>(null);
  const [onConflict, setOnConflict] = useState<ConflictHandling>('skip');

  if (status?.state === 'done' && status.report) {
    return (
      <ConfigImportReport
        report={status.report}
        onDone={() => {
          clear();
          setFile(null);
        }}
      />
    );
  }
  const parse = file?.parse;
  return (
    <div className="config-import" data-testid="config-import">
      <h3 className="config__subtitle">Import</h3>
      <FileDrop label="an inlet-config file" onText={(text, name) => setFile({ name, parse: parseConfigFile(text) })} testId="config-import-file" />
      {file && parse && !parse.ok && (
        <p className="field__error" data-testid="config-import-file-error">
          {file.name}: {parse.error}
        </p>
      )}
      {parse?.ok && (
        <div className="config-import__ready" data-testid="config-import-ready">
          <p>
            <strong>{file?.name}</strong>: {parse.summary.sources.length} {parse.summary.sources.length === 1 ? 'source' : 'sources'} ({parse.summary.sources.join(', ') || 'none'}), {parse.summary.environments} environments, {parse.summary.workflows} workflows.
          </p>
          {parse.summary.scripts > 0 && (
            <p className="notice notice--warn">
              It holds {parse.summary.scripts} preprocess {parse.summary.scripts === 1 ? 'script' : 'scripts'}. Scripts from a file do not run until you approve each one on its source’s Settings tab.
            </p>
          )}
          {parse.summary.secrets && <p className="notice notice--warn">The file carries secrets in plain text; delete it once imported.</p>}
          <fieldset className="config-import__conflicts">
            <legend>When a source with the same key exists</legend>
            {CONFLICTS.map(([value, label, help]) => (
              <label key={value} className="config-import__conflict">
                <input type="radio" name="config-conflict" value={value} checked={onConflict === value} data-testid={`config-conflict-${value}`} onChange={() => setOnConflict(value)} />
                <span>
                  {label} <span className="muted">— {help}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="button" className="btn btn--primary" disabled={status?.state === 'importing'} data-testid="config-import-run" onClick={() => void importConfig(parse.file, onConflict)}>
              {status?.state === 'importing' ? 'Importing…' : 'Import configuration'}
            </button>
          </div>
        </div>
      )}
      <ErrorNotice message={status?.state === 'failed' && status.error ? describeApiError(status.error) : null} />
    </div>
  );
}
