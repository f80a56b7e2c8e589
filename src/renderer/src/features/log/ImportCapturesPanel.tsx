import { useApp } from '../../app/store-context';
import { FileDrop } from '../../components/FileDrop';
import type { CaptureSource } from './import.slice';
import { RedactedBadge, REDACTED_TIP } from './RedactedBadge';

interface Props {
  source: CaptureSource | null;
  onSource(source: CaptureSource | null): void;
  /** Ordinals of the requests to import; null means all of them. */
  selected: ReadonlySet<number> | null;
  onSelected(selected: Set<number> | null): void;
}

const ACCEPT = '.json,.jsonl,.ndjson,.har,.txt,.sh,.http,.rest,.curl,application/json,text/plain';

/** Captures from anywhere: a file dropped or chosen, or text pasted; the format detected and previewed before importing. */
export function ImportCapturesPanel({ source, onSource, selected, onSelected }: Props) {
  const preview = useApp((s) => s.capturePreview);
  const pasted = source && 'text' in source && source.name === 'pasted text' ? source.text : '';
  const ready = preview?.state === 'ready' ? preview.preview : undefined;
  const isSelected = (ordinal: number) => selected === null || selected.has(ordinal);
  const toggle = (ordinal: number) => {
    const next = new Set(selected ?? ready?.requests.map((r) => r.ordinal) ?? []);
    if (next.has(ordinal)) next.delete(ordinal);
    else next.add(ordinal);
    onSelected(ready && next.size === ready.requests.length && ready.complete ? null : next);
  };

  return (
    <div className="import-file">
      <p className="field__help">
        Inlet’s export, JSON Lines of <code>{'{headers, body}'}</code>, a HAR from the browser’s devtools or a proxy, cURL commands, Stripe events (<code>stripe events list</code>, <code>stripe listen --print-json</code>) or raw HTTP requests. The format is detected; nothing is written before you import.
      </p>
      <FileDrop label="a capture file" accept={ACCEPT} onFile={(file) => onSource({ name: file.name, file })} testId="import-file" />
      <div className="field">
        <label htmlFor="import-captures-text">…or paste them</label>
        <textarea
          id="import-captures-text"
          className="input mono"
          rows={4}
          spellCheck={false}
          placeholder={"curl 'https://…' -H 'content-type: application/json' --data-raw '{…}'"}
          value={pasted}
          data-testid="import-captures-text"
          onChange={(e) => onSource(e.target.value.trim() === '' ? null : { name: 'pasted text', text: e.target.value })}
        />
      </div>
      {source && preview && (
        <div className="import-file__result" data-testid="import-file-result" aria-live="polite" data-state={preview.state}>
          {preview.state === 'loading' && <p className="muted">Reading {preview.name}…</p>}
          {preview.state === 'error' && (
            <p className="field__error">
              {preview.name}: {preview.error}
            </p>
          )}
          {ready && (
            <>
              <p>
                <strong>{preview.name}</strong>: <span data-testid="import-format">{ready.formatName}</span> — {ready.counts.requests.toLocaleString()} {ready.counts.requests === 1 ? 'request' : 'requests'} ready
                {!ready.complete && ' so far (the preview reads the start of a large file)'}
                {ready.counts.skipped > 0 && `, ${ready.counts.skipped.toLocaleString()} skipped (no body to import: GET and the like)`}
                {ready.counts.errors > 0 && `, ${ready.counts.errors.toLocaleString()} cannot be imported:`}
              </p>
              {ready.errors.length > 0 && (
                <ul className="import-file__errors" data-testid="import-item-errors">
                  {ready.errors.slice(0, 50).map((e) => (
                    <li key={e.ordinal}>
                      {e.where[0]!.toUpperCase() + e.where.slice(1)}: {e.error}
                    </li>
                  ))}
                  {ready.counts.errors > 50 && <li>…and {ready.counts.errors - 50} more.</li>}
                </ul>
              )}
              {ready.requests.length > 0 && (
                <div className="import-preview" role="group" aria-label="Requests to import">
                  <table className="import-preview__table" data-testid="import-preview-entries">
                    <thead>
                      <tr>
                        <th scope="col">
                          <input
                            type="checkbox"
                            aria-label="Import all"
                            checked={selected === null || selected.size === ready.requests.length}
                            onChange={(e) => onSelected(e.target.checked ? null : new Set())}
                          />
                        </th>
                        <th scope="col">Where</th>
                        <th scope="col">Request</th>
                        <th scope="col">Event type</th>
                        <th scope="col">Signature</th>
                      </tr>
                    </thead>
                    <tbody>
                      {ready.requests.map((r) => (
                        <tr key={r.ordinal} data-testid="import-preview-entry" data-ordinal={r.ordinal}>
                          <td>
                            <input type="checkbox" aria-label={`Import ${r.where}`} checked={isSelected(r.ordinal)} onChange={() => toggle(r.ordinal)} />
                          </td>
                          <td className="muted">{r.where}</td>
                          <td className="mono import-preview__target" title={`${r.target}${r.query ? `?${r.query}` : ''}`}>
                            {r.method} {pathOf(r.target)}
                          </td>
                          <td className="mono">{r.eventType ?? '—'}</td>
                          <td>
                            {r.unsigned ? 'none (re-sign on replay)' : (r.verification ?? '—')}
                            {r.redacted && <RedactedBadge />}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {ready.requests.some((r) => r.redacted) && (
                <p className="field__help" data-testid="import-redacted-note">
                  <span className="tag tag--redacted">redacted</span> {REDACTED_TIP}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** The path of an absolute URL (the host is where it was captured, not where it is imported). */
function pathOf(target: string): string {
  if (target === '') return '/';
  try {
    return new URL(target).pathname;
  } catch {
    return target;
  }
}
