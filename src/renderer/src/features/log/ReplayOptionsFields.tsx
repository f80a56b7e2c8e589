import type { ReplayMode } from '../../../../shared/domain/event';
import { Toggle } from '../../components/Toggle';
import './replay.css';
import type { BulkReplayOptions, ReplayOptions } from './replay.slice';

interface Common {
  idPrefix: string;
  /** Whether this event can be re-signed, and why not; absent for a bulk replay (decided per event). */
  resign?: { available: boolean; reason: string | null } | undefined;
  /** Edited requests no longer match their signature: only re-signing or ignoring verification make sense. */
  edited?: boolean;
}

/** One event: one of its modes. Many events (`perEvent`): also "each event's default", a null mode. */
type Props = Common & ({ perEvent?: false; value: ReplayOptions; onChange(value: ReplayOptions): void } | { perEvent: true; value: BulkReplayOptions; onChange(value: BulkReplayOptions): void });

type Choice = readonly [mode: ReplayMode | null, testId: string, label: string, help: string];

const MODES: readonly Choice[] = [
  ['as_is', 'as_is', 'Verify as configured', 'Checks the logged signature as the receiver would now; a stale one fails.'],
  ['resign', 'resign', 'Re-sign', 'Signs the request afresh as its provider would (current secret, new timestamp), then verifies it.'],
  ['ignore_verification', 'ignore_verification', 'Ignore verification', 'Checks the signature as of the original arrival but never refuses the replay.'],
];

// Many events: their default first (what the API and the CLI do without a mode), and "Re-sign" says it applies to all.
const PER_EVENT: readonly Choice[] = [
  [null, 'default', 'Each event’s default', 'Re-signs the events whose signature went stale (older than its scheme’s tolerance) and verifies the others as configured.'],
  MODES[0]!,
  ['resign', 'resign', 'Re-sign all', 'Signs every request afresh as its provider would (current secret, new timestamp), then verifies it.'],
  MODES[2]!,
];

/** How to replay: verified as configured now, re-signed then verified, or as if it passed; and idempotency. */
export function ReplayOptionsFields(props: Props) {
  const { value, idPrefix, resign, edited = false } = props;
  const pick = (mode: ReplayMode | null) => {
    if (props.perEvent) props.onChange({ ...props.value, mode });
    else if (mode !== null) props.onChange({ ...props.value, mode });
  };
  const toggle = (respectIdempotency: boolean) => (props.perEvent ? props.onChange({ ...props.value, respectIdempotency }) : props.onChange({ ...props.value, respectIdempotency }));

  const choices = props.perEvent ? PER_EVENT : MODES;
  const chosenHelp = choices.find(([mode]) => mode === value.mode)?.[3] ?? null;

  return (
    <div className="replay-options">
      <div className="replay-options__verification">
        <div className="segmented replay-options__modes" role="group" aria-label="Verification on replay" aria-describedby={chosenHelp ? `${idPrefix}-mode-help` : undefined}>
          {choices.map(([mode, testId, label, help]) => {
            const unavailable = (mode === 'resign' && resign !== undefined && !resign.available) || (mode === 'as_is' && edited);
            return (
              <button
                key={testId}
                type="button"
                className="segmented__item"
                aria-pressed={value.mode === mode}
                disabled={unavailable}
                title={mode === 'resign' && unavailable ? (resign?.reason ?? help) : help}
                data-testid={`${idPrefix}-mode-${testId}`}
                onClick={() => pick(mode)}
              >
                {label}
              </button>
            );
          })}
        </div>
        {chosenHelp && (
          <p className="field__help replay-options__help" id={`${idPrefix}-mode-help`} data-testid={`${idPrefix}-mode-help`}>
            {chosenHelp}
          </p>
        )}
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
        onChange={toggle}
      />
    </div>
  );
}
