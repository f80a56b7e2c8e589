import { useState } from 'react';
import { EnvKeySchema } from '../../../../shared/domain/environment';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EnvironmentRow } from './EnvironmentRow';
import { errorText } from '../../lib/errors';

/** Lists, adds, renames and deletes environments (Settings page). */
export function EnvironmentsSettings() {
  const environments = useApp((s) => s.environments);
  const create = useApp((s) => s.createEnvironment);
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keyCheck = key === '' ? null : EnvKeySchema.safeParse(key);
  const keyError = keyCheck && !keyCheck.success ? `The key must be ${keyCheck.error.issues[0]?.message ?? 'valid'}.` : null;
  const taken = environments.some((e) => e.key === key);

  const submit = async () => {
    if (!key || keyError || taken) return;
    setBusy(true);
    const result = await create(key, name);
    setBusy(false);
    setError(errorText(result));
    if (result.ok) {
      setKey('');
      setName('');
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="settings-envs" data-testid="settings-environments">
      <h2 className="card__title" id="settings-envs">
        Environments
      </h2>
      <p className="field__help">Each environment has its own URLs, secrets, active mappings and workspace data. The key never changes once created; the name can.</p>
      <table className="table settings-envs">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col" className="table__actions" />
          </tr>
        </thead>
        <tbody>
          {environments.map((env) => (
            <EnvironmentRow key={env.key} env={env} onlyOne={environments.length <= 1} onError={setError} />
          ))}
        </tbody>
      </table>
      <ErrorNotice message={error} />
      <form
        className="settings-row settings-envs__new"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="new-env-key">Key</label>
          <input
            id="new-env-key"
            className="input"
            placeholder="staging"
            value={key}
            aria-invalid={!!keyError || taken}
            aria-describedby="new-env-key-error"
            data-testid="new-env-key"
            onChange={(e) => setKey(e.target.value.trim())}
          />
        </div>
        <div className="field field--grow">
          <label htmlFor="new-env-name">Name</label>
          <input id="new-env-name" className="input" placeholder="Staging" value={name} maxLength={80} data-testid="new-env-name" onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="btn btn--primary" disabled={busy || !key || !!keyError || taken} data-testid="create-env">
          Add environment
        </button>
      </form>
      <p className="field__error" id="new-env-key-error" data-testid="new-env-key-error">
        {keyError ?? (taken ? `There already is an environment "${key}".` : '')}
      </p>
    </section>
  );
}
