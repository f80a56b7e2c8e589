import { parseExpr } from '../../../../shared/expr';
import { ExprErrorPointer } from '../mappings/ExprErrorPointer';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  help: string;
  /** Optional paths may be left empty (no timestamp or idempotency check). */
  optional?: boolean;
  placeholder?: string;
}

/** A path into the event, checked by the mapping language's parser on every keystroke. */
export function PathField({ id, label, value, onChange, help, optional, placeholder }: Props) {
  const empty = value.trim() === '';
  const parsed = empty ? null : parseExpr(value);
  const error = parsed && !parsed.ok ? parsed.error : null;
  const missing = empty && !optional;

  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> optional</span>}
      </label>
      <input
        id={id}
        className="input input--mono"
        value={value}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        aria-invalid={error || missing ? true : undefined}
        aria-describedby={`${id}-help`}
        data-testid={id}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <ExprErrorPointer source={value} offset={error.offset} message={error.message} testId={`${id}-error`} />
      ) : (
        <p id={`${id}-help`} className={missing ? 'field__error' : 'field__help'}>
          {missing ? 'Required.' : help}
        </p>
      )}
    </div>
  );
}
