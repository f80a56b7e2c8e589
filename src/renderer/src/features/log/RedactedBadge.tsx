import './replay.css';

/** Why a redacted capture fails verification as logged, and what to do about it. */
export const REDACTED_TIP = 'Values were replaced when this was exported; a provider signature can’t verify — re-sign to replay.';

/** Marks a capture imported from a redacted export; the reason is its tooltip, and read out with it. */
export function RedactedBadge() {
  return (
    <span className="tag tag--redacted" title={REDACTED_TIP} data-testid="redacted-badge">
      redacted<span className="visually-hidden">: {REDACTED_TIP}</span>
    </span>
  );
}
