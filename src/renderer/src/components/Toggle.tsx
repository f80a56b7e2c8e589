interface Props {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  description?: string;
  testId?: string;
}

/** A labelled switch (a checkbox with role="switch", so it is keyboard- and reader-friendly). */
export function Toggle({ label, checked, onChange, disabled, description, testId }: Props) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="toggle__track" aria-hidden="true" />
      <span className="toggle__text">
        <span className="toggle__label">{label}</span>
        {description && <span className="toggle__description">{description}</span>}
      </span>
    </label>
  );
}
