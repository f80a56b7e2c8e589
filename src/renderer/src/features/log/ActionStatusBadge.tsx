import type { ActionStatus, Origin, Processing } from '../../../../shared/domain/event';

const LABEL: Record<ActionStatus, string> = { success: 'ok', error: 'error', partial: 'partial', skipped: 'skipped', no_mapping: 'no mapping' };

/**
 * The tooltip in the log's list when the row carries no brief of its runs (an event processed
 * since the page loaded): it says where the reason is rather than guessing it.
 */
export const ACTION_STATUS_TITLE: Record<ActionStatus, string> = {
  success: 'Every action ran',
  error: 'An action failed: open the event for the error and the mapping that produced it',
  partial: 'Some actions ran, some failed or were skipped: open the event for the reasons',
  skipped: 'Actions were skipped (a condition, or a value the action needs was missing): open the event for the reason and a suggested fix',
  no_mapping: 'No mapping matches this event type in this environment',
};

const DUPLICATE_TITLE = 'A repeat of an earlier event (same idempotency key): no actions ran. Open it for a link to the original event.';

/**
 * The sum of an event's action runs, or where it is in the pipeline before that. `title` says why
 * when the row knows (a skipped or failed run's reason and fix).
 */
export function ActionStatusBadge({ status, processing, origin, title }: { status: ActionStatus | null; processing: Processing; origin?: Origin; title?: string }) {
  if (status === null) {
    // Imports are logged without mapping until they are replayed; say so rather than a bare dash.
    const text = processing === 'pending' ? 'pending…' : processing === 'duplicate' ? 'duplicate' : origin === 'import' ? 'not mapped' : '—';
    return (
      <span className="muted action-status" data-testid="action-status" data-status={processing} title={processing === 'duplicate' ? DUPLICATE_TITLE : undefined}>
        {text}
      </span>
    );
  }
  return (
    <span className={`badge action-status badge--actions-${status}`} data-testid="action-status" data-status={status} title={title ?? ACTION_STATUS_TITLE[status]}>
      {LABEL[status]}
    </span>
  );
}
