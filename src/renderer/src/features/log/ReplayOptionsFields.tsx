import { Toggle } from '../../components/Toggle';
import type { ReplayOptions } from './replay.slice';

interface Props {
  value: ReplayOptions;
  onChange(value: ReplayOptions): void;
  idPrefix: string;
}

/** How to replay: through verification as configured now, or as if it passed; and idempotency. */
export function ReplayOptionsFields({ value, onChange, idPrefix }: Props) {
  return (
    <div className="replay-options">
      <div className="segmented" role="group" aria-label="Verification on replay">
        {(
          [
            ['as_is', 'Verify as configured'],
            ['ignore_verification', 'Ignore verification'],
          ] as const
        ).map(([mode, label]) => (
          <button
            key={mode}
            type="button"
            className="segmented__item"
            aria-pressed={value.mode === mode}
            data-testid={`${idPrefix}-mode-${mode}`}
            onClick={() => onChange({ ...value, mode })}
          >
            {label}
          </button>
        ))}
      </div>
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
