import { useState, type FormEvent } from 'react';
import { SourceKeySchema } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeApiError } from '../../lib/errors';

/** Creates a Custom source; templates come later through the gallery. */
export function NewSourceForm({ onDone }: { onDone(): void }) {
  const createSource = useApp((s) => s.createSource);
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyCheck = key === '' ? null : SourceKeySchema.safeParse(key);
  const keyProblem = keyCheck && !keyCheck.success ? keyCheck.error.issues[0]?.message : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!keyCheck?.success) return;
    setBusy(true);
    const result = await createSource({ key, ...(name.trim() ? { name: name.trim() } : {}) });
    setBusy(false);
    if (result.ok) onDone();
    else setError(describeApiError(result.error));
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onDone()} data-testid="new-source-form">
      <h2 className="card__title">New custom source</h2>
      <div className="field">
        <label htmlFor="source-key">Key</label>
        <input
          id="source-key"
          className="input"
          autoFocus
          required
          value={key}
          placeholder="my-service"
          aria-invalid={keyProblem ? true : undefined}
          aria-describedby="source-key-help"
          data-testid="source-key-input"
          onChange={(e) => setKey(e.target.value)}
        />
        <p id="source-key-help" className={keyProblem ? 'field__error' : 'field__help'}>
          {keyProblem ?? 'Unique and permanent: lower-case letters, digits, "-" or "_".'}
        </p>
      </div>
      <div className="field">
        <label htmlFor="source-name">Name</label>
        <input id="source-name" className="input" value={name} placeholder="My service" data-testid="source-name-input" onChange={(e) => setName(e.target.value)} />
        <p className="field__help">Optional; defaults to the key.</p>
      </div>
      <ErrorNotice message={error} />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !keyCheck?.success} data-testid="create-source">
          {busy ? 'Creating…' : 'Create source'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
