import type { EventSummary } from '../../../../shared/domain/event';
import { replayModeText } from './replay-mode';

/** Says "verification ignored" on a replay that was made that way (nothing for other events). */
export function ReplayModeTag({ mode }: { mode: EventSummary['replayMode'] }) {
  const text = replayModeText(mode);
  if (text === null) return null;
  return (
    <span className={`replay-mode replay-mode--${mode}`} data-testid="replay-mode" data-mode={mode}>
      {text}
    </span>
  );
}
