import { useState, type FormEvent } from 'react';
import type { Source, SourceEnvSettings } from '../../../../shared/domain/source';
import { ScriptVarInfoSchema } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorText } from '../../lib/errors';

/** The script's `vars`: plain ones shown, secret ones only as a masked preview (never sent back). */
export function ScriptVars({ source, settings }: { source: Source; settings: SourceEnvSettings }) {
  const setVar = useApp((s) => s.setVar);
  const removeVar = useApp((s) => s.removeVar);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [secret, setSecret] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const env = settings.environment;
  const nameCheck = name === '' ? null : ScriptVarInfoSchema.shape.name.safeParse(name);
  const nameProblem = nameCheck && !nameCheck.success ? nameCheck.error.issues[0]?.message : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!nameCheck?.success) return;
    const r = await setVar({ id: source.id, environment: env, name, value, secret });
    setError(errorText(r));
    if (r.ok) {
      setName('');
      setValue('');
      setSecret(false);
    }
  };

  return (
    <section className="card" aria-labelledby="vars-heading">
      <h2 id="vars-heading" className="card__title">Script variables</h2>
      <ErrorNotice message={error} />
      {settings.vars.length === 0 ? (
        <p className="muted">No variables. The script reads them as <code>vars.NAME</code>.</p>
      ) : (
        <table className="table table--compact" data-testid="script-vars">
          <tbody>
            {settings.vars.map((v) => (
              <tr key={v.name} data-testid="script-var">
                <th scope="row" className="table__key">{v.name}</th>
                <td>
                  <code>{v.secret ? v.preview : v.value}</code>
                  {v.secret && <span className="tag">secret</span>}
                  {v.unusable && (
                    <span className="badge badge--failed" data-testid="var-unusable">
                      Can&apos;t be decrypted on this machine: set it again
                    </span>
                  )}
                </td>
                <td className="table__actions">
                  <ConfirmButton
                    label="Remove"
                    question={`Remove ${v.name}?`}
                    confirmLabel="Remove"
                    danger
                    onConfirm={() => removeVar({ id: source.id, environment: env, name: v.name }).then((r) => setError(errorText(r)))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="var-name">Name</label>
          <input id="var-name" className="input input--mono" value={name} placeholder="SIGNING_KEY" aria-invalid={nameProblem ? true : undefined} data-testid="var-name" onChange={(e) => setName(e.target.value)} />
          {nameProblem && <p className="field__error">{nameProblem}</p>}
        </div>
        <div className="field field--grow">
          <label htmlFor="var-value">Value</label>
          <input id="var-value" className="input input--mono" type={secret ? 'password' : 'text'} autoComplete="off" value={value} data-testid="var-value" onChange={(e) => setValue(e.target.value)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.target.checked)} /> Secret
        </label>
        <button type="submit" className="btn" disabled={!nameCheck?.success} data-testid="var-add">
          Set variable
        </button>
      </form>
    </section>
  );
}
