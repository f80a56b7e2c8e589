import type { EventSummary } from '../../../../shared/domain/event';

/** How a replay treated verification, in the words the log uses; null for anything not a replay. */
export function replayModeText(mode: EventSummary['replayMode']): string | null {
  if (mode === 'ignore_verification') return 'verification ignored';
  if (mode === 'as_is') return 'verified as configured';
  if (mode === 'resign') return 're-signed';
  return null;
}

/** The tooltip of a replay's origin badge. */
export function replayTooltip(event: Pick<EventSummary, 'replayOf' | 'replayMode' | 'edited'>): string | undefined {
  if (event.replayOf === null) return undefined;
  const words = [replayModeText(event.replayMode), event.edited ? 'edited before sending' : null].filter(Boolean);
  return `Replay of event #${event.replayOf}${words.length ? ` — ${words.join(', ')}` : ''}`;
}
