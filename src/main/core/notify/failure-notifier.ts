import type { PushMessage } from '../../../shared/api/events';
import type { Clock, Notifier } from '../ports';

/** At most one notification per window; failures in between are summed into the next one. */
const WINDOW_MS = 10_000;

/**
 * Turns verification and action failures into native notifications (SPEC §9), when enabled.
 * Bursts collapse: one notification per window, counting what it stands for.
 */
export function createFailureNotifier(deps: { notifier: Notifier; clock: Clock; enabled: () => boolean; sourceName: (id: string | null) => string }) {
  let lastAt = -Infinity;
  let held = 0;

  const notify = (title: string, body: string) => {
    if (!deps.enabled()) return;
    const now = deps.clock.now();
    if (now - lastAt < WINDOW_MS) {
      held += 1;
      return;
    }
    lastAt = now;
    const more = held ? ` (+${held} more since the last notice)` : '';
    held = 0;
    deps.notifier.notify(title, `${body}${more}`);
  };

  return (message: PushMessage): void => {
    if (message.name === 'events.received') {
      const e = message.payload;
      if (e.sourceId === null || e.origin === 'import') return;
      if (e.verification === 'failed') {
        notify('Verification failed', `${deps.sourceName(e.sourceId)}: ${e.eventType ?? 'an event'} did not verify${e.responseStatus === 401 ? ' and was rejected' : ''}.`);
      }
    } else if (message.name === 'events.processed') {
      const { actionStatus, id } = message.payload;
      if (actionStatus === 'error' || actionStatus === 'partial') notify('Actions failed', `Event ${id}: ${actionStatus === 'error' ? 'its actions failed' : 'some of its actions failed'}.`);
    } else if (message.name === 'destinations.status' && message.payload.startedFailing) {
      const d = message.payload;
      notify('Forwarding failed', `${d.name}: ${d.error ?? 'the app did not accept an event'}${d.health === 'held' ? '; events are held until it answers' : ''}.`);
    }
  };
}
