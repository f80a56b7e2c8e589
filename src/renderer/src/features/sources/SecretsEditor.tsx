import { useState, type FormEvent } from 'react';
import type { Source, SourceEnvSettings } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../lib/format';
import { sameConfig } from '../../lib/same-config';
import { RevealSecret } from './RevealSecret';
import { errorText } from '../../lib/errors';

interface Props {
  source: Source;
  settings: SourceEnvSettings;
  onError(message: string | null): void;
}

/** Secrets show masked (reveal on demand); several may be active at once (rotation). */
export function SecretsEditor({ source, settings, onError }: Props) {
  const addSecret = useApp((s) => s.addSecret);
  const removeSecret = useApp((s) => s.removeSecret);
  const hint = useApp((s) => s.presets.find((p) => sameConfig(p.config, settings.verification))?.secretHint);
  const [secret, setSecret] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const env = settings.environment;

  if (settings.verification.scheme === 'none') return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret.trim()) return;
    setBusy(true);
    const result = await addSecret({ id: source.id, environment: env, secret: secret.trim(), ...(label.trim() ? { label: label.trim() } : {}) });
    setBusy(false);
    onError(errorText(result));
    if (result.ok) {
      setSecret('');
      setLabel('');
    }
  };

  return (
    <div className="secrets">
      <h3 className="secrets__title">Secrets</h3>
      {settings.secrets.length === 0 ? (
        <p className="muted" data-testid="no-secrets">
          No secret yet: every event will fail verification until you add one.
        </p>
      ) : (
        <ul className="secret-list" data-testid="secret-list">
          {settings.secrets.map((s) => (
            <li key={s.id} className="secret-list__item" data-testid="secret-item">
              <span className="secret-list__label">{s.label}</span>
              {s.unusable ? (
                <span className="badge badge--failed" data-testid="secret-unusable" title="Add it again below, then remove this one.">
                  Can&apos;t be decrypted on this machine (the key it was sealed with is gone): enter it again
                </span>
              ) : (
                <RevealSecret sourceId={source.id} environment={env} secretId={s.id} preview={s.preview} onError={onError} />
              )}
              <span className="muted secret-list__date">added {formatDateTime(s.createdAt)}</span>
              <ConfirmButton
                label="Remove"
                question="Events signed with it will fail. Remove?"
                confirmLabel="Remove"
                danger
                onConfirm={() => removeSecret({ id: source.id, environment: env, secretId: s.id }).then((r) => onError(errorText(r)))}
              />
            </li>
          ))}
        </ul>
      )}
      <form className="secret-form" onSubmit={(e) => void submit(e)}>
        <div className="field field--grow">
          <label htmlFor="secret-value">{settings.secrets.length ? 'Add another secret (rotation)' : 'Signing secret'}</label>
          <input
            id="secret-value"
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={secret}
            placeholder="Paste the signing secret"
            aria-describedby="secret-value-help"
            data-testid="secret-input"
            onChange={(e) => setSecret(e.target.value)}
          />
          <p id="secret-value-help" className="field__help">
            {hint ?? 'Paste the signing secret shown by the provider.'} Stored encrypted; only a masked preview is shown.
          </p>
        </div>
        <div className="field">
          <label htmlFor="secret-label">Label</label>
          <input id="secret-label" className="input" value={label} placeholder="optional" onChange={(e) => setLabel(e.target.value)} />
        </div>
        <button type="submit" className="btn btn--primary" disabled={busy || !secret.trim()} data-testid="add-secret">
          {busy ? 'Adding…' : 'Add secret'}
        </button>
      </form>
    </div>
  );
}
