import { Toggle } from '../../components/Toggle';
import type { ReplayOptions } from './replay.slice';

interface Props {
  value: ReplayOptions;
  onChange(value: ReplayOptions): void;
  idPrefix: string;
  /** Whether this event can be re-signed, and why not; absent for a bulk replay (decided per event). */
  resign?: { available: boolean; reason: string | null } | undefined;
  /** Edited requests no longer match their signature: only re-signing or ignoring verification make sense. */
  edited?: boolean;
}

const MODES = [
  ['as_is', 'Verify as configured', 'Checks the logged signature as the receiver would now; a stale one fails.'],
  ['resign', 'Re-sign', 'Signs the request afresh as its provider would (current secret, new timestamp), then verifies it.'],
  ['ignore_verification', 'Ignore verification', 'Checks the signature as of the original arrival but never refuses the replay.'],
] as const;

/** How to replay: verified as configured now, re-signed then verified, or as if it passed; and idempotency. */
export function ReplayOptionsFields({ value, onChange, idPrefix, resign, edited = false }: Props) {
  return (
    <div className="replay-options">
      <div className="segmented" role="group" aria-label="Verification on replay">
        {MODES.map(([mode, label, help]) => {
          const unavailable = (mode === 'resign' && resign !== undefined && !resign.available) || (mode === 'as_is' && edited);
          return (
            <button
              key={mode}
              type="button"
              className="segmented__item"
              aria-pressed={value.mode === mode}
              disabled={unavailable}
              title={mode === 'resign' && unavailable ? (resign?.reason ?? help) : help}
              data-testid={`${idPrefix}-mode-${mode}`}
              onClick={() => onChange({ ...value, mode })}
            >
              {label}
            </button>
          );
        })}
      </div>
      {resign && !resign.available && resign.reason && (
        <p className="field__help" data-testid={`${idPrefix}-resign-unavailable`}>
          Re-sign is unavailable: {resign.reason}
        </p>
      )}
      <Toggle
        label="Respect idempotency"
        description="A key already executed makes the replay a duplicate that runs nothing."
        checked={value.respectIdempotency}
        testId={`${idPrefix}-idempotency`}
        onChange={(respectIdempotency) => onChange({ ...value, respectIdempotency })}
      />
    </div>
  );
}
