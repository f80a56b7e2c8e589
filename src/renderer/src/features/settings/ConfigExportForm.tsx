import { useState } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Toggle } from '../../components/Toggle';
import { downloadText } from '../../lib/download';
import { configFileName } from './config-file';
import { errorText } from '../../lib/errors';

/** Export all sources or chosen ones; secrets only when asked, with a warning while asked. */
export function ConfigExportForm() {
  const sources = useApp((s) => s.sources);
  const exportConfig = useApp((s) => s.exportConfig);
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [secrets, setSecrets] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nothingChosen = !all && chosen.size === 0;

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const run = async () => {
    setBusy(true);
    const result = await exportConfig({ includeSecrets: secrets, ...(all ? {} : { sourceIds: [...chosen] }) });
    setBusy(false);
    setError(errorText(result));
    if (result.ok) downloadText(configFileName(new Date()), `${JSON.stringify(result.value, null, 2)}\n`);
  };

  return (
    <div className="config-export" data-testid="config-export">
      <h3 className="config__subtitle">Export</h3>
      <div className="segmented" role="group" aria-label="Which sources">
        <button type="button" className="segmented__item" aria-pressed={all} data-testid="config-export-all" onClick={() => setAll(true)}>
          All sources
        </button>
        <button type="button" className="segmented__item" aria-pressed={!all} data-testid="config-export-chosen" onClick={() => setAll(false)}>
          Chosen sources
        </button>
      </div>
      {!all && (
        <fieldset className="config-export__sources">
          <legend className="visually-hidden">Sources to export</legend>
          {sources.length === 0 && <p className="muted">No sources yet.</p>}
          {sources.map((s) => (
            <label key={s.id} className="config-export__source">
              <input type="checkbox" checked={chosen.has(s.id)} data-testid={`config-export-source-${s.key}`} onChange={(e) => toggle(s.id, e.target.checked)} /> {s.name} <code className="muted">{s.key}</code>
            </label>
          ))}
        </fieldset>
      )}
      <Toggle label="Include secrets" description="Signing secrets and secret script variables, in plain text." checked={secrets} testId="config-export-secrets" onChange={setSecrets} />
      {secrets && (
        <p className="notice notice--warn" role="alert" data-testid="config-secrets-warning">
          The file will hold your signing secrets in plain text. Anyone with the file can sign webhooks your sources accept — share it only over a channel you trust, and delete it when done.
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn btn--primary" disabled={busy || nothingChosen} data-testid="config-export-run" onClick={() => void run()}>
          {busy ? 'Exporting…' : 'Export configuration'}
        </button>
        <span className="muted config__hint">Saves inlet-config-&lt;date&gt;.json</span>
      </div>
      <ErrorNotice message={error} />
    </div>
  );
}
