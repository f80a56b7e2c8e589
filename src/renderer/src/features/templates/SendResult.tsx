import type { EventSummary } from '../../../../shared/domain/event';
import { useApp } from '../../app/store-context';
import { describeApiError } from '../../lib/errors';
import type { SendTestResult } from './templates.slice';

const ACTIONS_TEXT: Record<NonNullable<EventSummary['actionStatus']>, string> = {
  success: 'actions succeeded',
  partial: 'some actions failed',
  error: 'actions failed',
  skipped: 'actions skipped',
  no_mapping: 'no mapping for this type',
};

/** What the mappings did, once known; the log slice keeps the event current as pushes arrive. */
function actionsText(event: EventSummary): string {
  if (event.processing === 'duplicate') return 'duplicate: no actions ran';
  if (event.processing === 'pending') return 'running mappings…';
  if (event.actionStatus) return ACTIONS_TEXT[event.actionStatus];
  return event.processing === 'none' ? 'not processed' : 'no mapping for this type';
}

const statusClass = (status: number) => (status < 300 ? 'ok' : status < 500 ? 'warn' : 'error');

/** The receiver's answer to a test event, its verification, what its mappings did, and a way to the log. */
export function SendResult({ result, onOpenEvent }: { result: SendTestResult; onOpenEvent(id: number): void }) {
  const sent = result.ok ? result.value.event : null;
  const live = useApp((s) => (sent ? s.events.find((e) => e.id === sent.id) : undefined));
  if (!result.ok) {
    return (
      <p className="send-result send-result--error" role="alert" data-testid="send-result" data-outcome="error">
        {describeApiError(result.error)}
      </p>
    );
  }
  const event = live ?? result.value.event;
  return (
    <p className="send-result" data-testid="send-result" data-outcome="sent" data-verification={event.verification} data-actions={event.actionStatus ?? event.processing}>
      <span className={`status status--${statusClass(result.value.status)}`} data-testid="send-status">
        {result.value.status}
      </span>
      <span className={`badge badge--${event.verification}`}>{event.verification}</span>
      <span className={`send-result__actions send-result__actions--${event.actionStatus ?? event.processing}`} data-testid="send-actions">
        {actionsText(event)}
      </span>
      <button type="button" className="link-button" data-testid="send-open-event" onClick={() => onOpenEvent(event.id)}>
        View event #{event.id} in the log →
      </button>
    </p>
  );
}
