interface Props {
  value: string;
  problem: string | null;
  onChange(value: string): void;
}

/** The source's unique key, checked as typed (format, and whether another source has it). */
export function SourceKeyField({ value, problem, onChange }: Props) {
  return (
    <div className="field">
      <label htmlFor="connect-key">Unique key</label>
      <input
        id="connect-key"
        className="input input--mono"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== null || undefined}
        aria-describedby="connect-key-message"
        data-testid="connect-key"
        value={value}
        onChange={(e) => onChange(e.target.value.toLowerCase())}
      />
      <p id="connect-key-message" className={problem ? 'field__error' : 'field__help'} data-testid="connect-key-message">
        {problem ?? 'Names this source in the log, in exports and in the control API.'}
      </p>
    </div>
  );
}
