import { useEffect, useState, type FormEvent } from 'react';
import { useApp } from '../../app/store-context';
import { captureFromPaste, type PastedRequest } from './capture-format';
import { ImportCapturesPanel } from './ImportCapturesPanel';
import type { CaptureSource } from './import.slice';
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
  const startCaptures = useApp((s) => s.importCaptureSource);
  const previewCaptures = useApp((s) => s.previewCaptures);
  const clearPreview = useApp((s) => s.clearCapturePreview);
  const preview = useApp((s) => (s.capturePreview?.state === 'ready' ? s.capturePreview.preview : undefined));
  const [sourceId, setSourceId] = useState(() => (sources.some((s) => s.id === filteredSource) ? filteredSource : (sources[0]?.id ?? '')));
  const [environment, setEnvironment] = useState(currentEnv ?? environments[0]?.key ?? '');
  const [tab, setTab] = useState<Tab>('paste');
  const [paste, setPaste] = useState<PastedRequest>(EMPTY_PASTE);
  const [tried, setTried] = useState(false);
  const [captures, setCaptures] = useState<CaptureSource | null>(null);
  const [selected, setSelected] = useState<Set<number> | null>(null);

  // Previewed again when the text or the source changes (the source decides event types and signatures).
  useEffect(() => {
    setSelected(null);
    if (!captures) return clearPreview();
    const timer = setTimeout(() => void previewCaptures(captures, { sourceId, environment }), 'text' in captures ? 250 : 0);
    return () => clearTimeout(timer);
  }, [captures, sourceId, environment, previewCaptures, clearPreview]);

  const pasted = captureFromPaste(paste);
  const count = tab === 'paste' ? (pasted.ok ? 1 : 0) : selected !== null ? selected.size : (preview?.counts.requests ?? 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (count === 0 || !sourceId || !environment) return;
    if (tab === 'paste' && pasted.ok) void start(sourceId, environment, [pasted.capture]);
    if (tab === 'file' && captures) void startCaptures(sourceId, environment, captures, selected === null ? undefined : [...selected]);
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
              ['file', 'Captures: a file or pasted'],
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
          <ImportCapturesPanel source={captures} onSource={setCaptures} selected={selected} onSelected={setSelected} />
        )}
      </div>
      <footer className="modal__footer">
        <span className="modal__footer-note muted">Judged as the receiver would now; not mapped until you replay them.</span>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={tab === 'file' && count === 0} data-testid="import-submit">
          {count > 1 ? `Import ${count.toLocaleString()}${preview?.complete === false && selected === null ? '+' : ''} requests` : 'Import'}
        </button>
      </footer>
    </form>
  );
}
