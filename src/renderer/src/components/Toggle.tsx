import { useState } from 'react';

interface Props {
  label: string;
  checked: boolean;
  /** May return a promise: the switch shows the new state until it settles (then the prop rules). */
  onChange(checked: boolean): void | Promise<unknown>;
  disabled?: boolean;
  description?: string;
  testId?: string;
}

/** A labelled switch (a checkbox with role="switch", so it is keyboard- and reader-friendly). */
export function Toggle({ label, checked, onChange, disabled, description, testId }: Props) {
  const [pending, setPending] = useState<boolean | null>(null);
  const shown = pending ?? checked;

  const change = async (next: boolean) => {
    setPending(next);
    try {
      await onChange(next);
    } finally {
      setPending(null);
    }
  };

  return (
    <label className="toggle">
      <input
        type="checkbox"
        role="switch"
        checked={shown}
        disabled={disabled}
        aria-busy={pending !== null || undefined}
        data-testid={testId}
        onChange={(e) => void change(e.target.checked)}
      />
      <span className="toggle__track" aria-hidden="true" />
      <span className="toggle__text">
        <span className="toggle__label">{label}</span>
        {description && <span className="toggle__description">{description}</span>}
      </span>
    </label>
  );
}
