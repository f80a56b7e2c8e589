import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../app/store-context';

/** Where a field's format check stands; `problem` is what the host said was pasted instead. */
export type SecretCheckState = { state: 'empty' | 'checking' | 'ok' } | { state: 'problem'; problem: string };

/** Long enough that a paste or a burst of typing makes one check, short enough to feel live. */
const CHECK_DELAY_MS = 300;

interface Props {
  templateId: string;
  environment: { key: string; name: string };
  value: string;
  required: boolean;
  hint: string | undefined;
  onChange(value: string): void;
  onCheck(check: SecretCheckState): void;
}

/** One environment's secret, checked against the template's expected format as the user types. */
export function SecretField({ templateId, environment, value, required, hint, onChange, onCheck }: Props) {
  const checkSecret = useApp((s) => s.checkTemplateSecret);
  const [check, setCheck] = useState<SecretCheckState>({ state: 'empty' });
  const [revealed, setRevealed] = useState(false);
  // The parent's callback is a fresh closure each render; the check depends only on what was typed.
  const report = useRef(onCheck);
  report.current = onCheck;

  useEffect(() => {
    if (value.trim() === '') {
      setCheck({ state: 'empty' });
      report.current({ state: 'empty' });
      return;
    }
    setCheck({ state: 'checking' });
    report.current({ state: 'checking' });
    let current = true;
    const timer = setTimeout(() => {
      void checkSecret(templateId, value).then((answer) => {
        if (!current) return;
        const next: SecretCheckState = answer.ok ? { state: 'ok' } : { state: 'problem', problem: answer.problem ?? 'This does not look like the expected secret.' };
        setCheck(next);
        report.current(next);
      });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [templateId, value, checkSecret]);

  const id = `secret-${environment.key}`;
  const messageId = `${id}-message`;
  return (
    <div className="field secret-field" data-testid={`secret-field-${environment.key}`} data-check={check.state}>
      <label htmlFor={id}>
        {environment.name} <span className="muted secret-field__optional">{required ? 'needed to verify events' : 'optional'}</span>
      </label>
      <div className="secret-field__row">
        <input
          id={id}
          className="input secret-field__input"
          type={revealed ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          placeholder={hint ?? 'Signing secret'}
          aria-invalid={check.state === 'problem' || undefined}
          aria-describedby={messageId}
          data-testid={`secret-input-${environment.key}`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <button type="button" className="btn btn--small btn--ghost" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? 'Hide' : 'Show'}
        </button>
      </div>
      <p id={messageId} className={check.state === 'problem' ? 'field__error' : 'field__help'} role={check.state === 'problem' ? 'alert' : undefined} data-testid={`secret-check-${environment.key}`}>
        {check.state === 'problem'
          ? check.problem
          : check.state === 'ok'
            ? '✓ Looks like the right kind of secret.'
            : check.state === 'checking'
              ? 'Checking the format…'
              : required
                ? `Without it, ${environment.name} deliveries fail verification (401). You can add it later in the source's settings.`
                : 'Leave empty to add it later in the source’s settings.'}
      </p>
    </div>
  );
}
