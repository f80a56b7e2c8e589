import type { EventSummary } from '../../../../shared/domain/event';
import { replayModeText } from './replay-mode';

/** Says how a replay treated verification ("re-signed", "verification ignored"), and that it was edited; nothing for other events. */
export function ReplayModeTag({ mode, edited = false }: { mode: EventSummary['replayMode']; edited?: boolean | undefined }) {
  const text = replayModeText(mode);
  if (text === null) return null;
  return (
    <>
      <span className={`replay-mode replay-mode--${mode}`} data-testid="replay-mode" data-mode={mode}>
        {text}
      </span>
      {edited && (
        <span className="replay-mode replay-mode--edited" data-testid="replay-edited">
          edited
        </span>
      )}
    </>
  );
}
