import { useState, type FormEvent } from 'react';
import { useApp } from '../../app/store-context';
import { FileDrop } from '../../components/FileDrop';
import { captureFromPaste, parseCaptureFile, type Capture, type CaptureFileParse, type PastedRequest } from './capture-format';
import { ImportPasteFields } from './ImportPasteFields';
import { selectLogFilter } from './log.slice';

type Tab = 'paste' | 'file';
const EMPTY_PASTE: PastedRequest = { method: 'POST', body: '', headers: '', query: '' };

/** Where to import (source, environment) and what (a pasted request or a file), checked before sending. */
export function ImportForm({ onCancel }: { onCancel(): void }) {
  const sources = useApp((s) => s.sources);
  const environments = useApp((s) => s.environments);
  const filteredSource = useApp((s) => s.logScope ?? selectLogFilter(s).sourceId);
  const currentEnv = useApp((s) => s.currentEnv);
  const start = useApp((s) => s.importCaptures);
  const [sourceId, setSourceId] = useState(() => (sources.some((s) => s.id === filteredSource) ? filteredSource : (sources[0]?.id ?? '')));
  const [environment, setEnvironment] = useState(currentEnv ?? environments[0]?.key ?? '');
  const [tab, setTab] = useState<Tab>('paste');
  const [paste, setPaste] = useState<PastedRequest>(EMPTY_PASTE);
  const [tried, setTried] = useState(false);
  const [file, setFile] = useState<{ name: string; parse: CaptureFileParse } | null>(null);

  const pasted = captureFromPaste(paste);
  const items: Capture[] = tab === 'paste' ? (pasted.ok ? [pasted.capture] : []) : (file?.parse.items ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (items.length > 0 && sourceId && environment) void start(sourceId, environment, items);
  };

  if (sources.length === 0) {
    return (
      <div className="modal__body">
        <p>Imported requests belong to a source. Create one first (Sources → New source), then import into it.</p>
      </div>
    );
  }
  return (
    <form className="modal__form import-form" onSubmit={submit} noValidate>
      <div className="modal__body">
        <div className="import-form__where">
          <div className="field">
            <label htmlFor="import-source">Source</label>
            <select id="import-source" className="select" value={sourceId} data-testid="import-source" onChange={(e) => setSourceId(e.target.value)}>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.key})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-environment">Environment</label>
            <select id="import-environment" className="select" value={environment} data-testid="import-environment" onChange={(e) => setEnvironment(e.target.value)}>
              {environments.map((env) => (
                <option key={env.key} value={env.key}>
                  {env.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="segmented import-form__tabs" role="group" aria-label="What to import">
          {(
            [
              ['paste', 'Paste one request'],
              ['file', 'From a file'],
            ] as const
          ).map(([value, label]) => (
            <button key={value} type="button" className="segmented__item" aria-pressed={tab === value} data-testid={`import-tab-${value}`} onClick={() => setTab(value)}>
              {label}
            </button>
          ))}
        </div>
        {tab === 'paste' ? (
          <ImportPasteFields value={paste} onChange={setPaste} errors={tried && !pasted.ok ? pasted.errors : []} />
        ) : (
          <ImportFileSummary file={file} onFile={(text, name) => setFile({ name, parse: parseCaptureFile(text) })} />
        )}
      </div>
      <footer className="modal__footer">
        <span className="modal__footer-note muted">Judged as the receiver would now; not mapped until you replay them.</span>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={tab === 'file' && items.length === 0} data-testid="import-submit">
          {items.length > 1 ? `Import ${items.length.toLocaleString()} requests` : 'Import'}
        </button>
      </footer>
    </form>
  );
}

/** The chosen file, what in it can be imported, and each item that cannot (by its position). */
function ImportFileSummary({ file, onFile }: { file: { name: string; parse: CaptureFileParse } | null; onFile(text: string, name: string): void }) {
  const parse = file?.parse;
  return (
    <div className="import-file">
      <p className="field__help">
        A JSON list of <code>{'{method?, headers, body, bodyEncoding?, query?}'}</code>, such as the log’s Export… makes.
      </p>
      <FileDrop label="a JSON file of captured requests" onText={onFile} testId="import-file" />
      {file && parse && (
        <div className="import-file__result" data-testid="import-file-result" aria-live="polite">
          {parse.fileError ? (
            <p className="field__error">
              {file.name}: {parse.fileError}
            </p>
          ) : (
            <p>
              <strong>{file.name}</strong>: {parse.items.length.toLocaleString()} {parse.items.length === 1 ? 'request' : 'requests'} ready
              {parse.errors.length > 0 && `, ${parse.errors.length} cannot be imported:`}
            </p>
          )}
          {parse.errors.length > 0 && (
            <ul className="import-file__errors" data-testid="import-item-errors">
              {parse.errors.slice(0, 50).map((e) => (
                <li key={e.item}>
                  Item {e.item} {e.message}
                </li>
              ))}
              {parse.errors.length > 50 && <li>…and {parse.errors.length - 50} more.</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
