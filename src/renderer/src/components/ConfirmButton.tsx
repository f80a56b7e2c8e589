import { useState } from 'react';

interface Props {
  label: string;
  /** The consequence, in words, shown before the user confirms. */
  question: string;
  confirmLabel: string;
  onConfirm(): Promise<void> | void;
  danger?: boolean;
  testId?: string;
}

/** A button that asks first, inline (no modal, so keyboard focus stays where the user is). */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, danger, testId }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!asking) {
    return (
      <button type="button" className={`btn btn--small${danger ? ' btn--danger-quiet' : ''}`} data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <span className="confirm__question">{question}</span>
      <button
        type="button"
        className={`btn btn--small ${danger ? 'btn--danger' : 'btn--primary'}`}
        autoFocus
        disabled={busy}
        data-testid={testId && `${testId}-confirm`}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="btn btn--small btn--ghost" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
