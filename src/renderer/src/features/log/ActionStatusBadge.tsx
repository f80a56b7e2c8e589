import type { ActionStatus, Origin, Processing } from '../../../../shared/domain/event';

const LABEL: Record<ActionStatus, string> = { success: 'ok', error: 'error', partial: 'partial', skipped: 'skipped', no_mapping: 'no mapping' };

/** The sum of an event's action runs, or where it is in the pipeline before that. */
export function ActionStatusBadge({ status, processing, origin }: { status: ActionStatus | null; processing: Processing; origin?: Origin }) {
  if (status === null) {
    // Imports are logged without mapping until they are replayed; say so rather than a bare dash.
    const text = processing === 'pending' ? 'pending…' : processing === 'duplicate' ? 'duplicate' : origin === 'import' ? 'not mapped' : '—';
    return <span className="muted action-status" data-testid="action-status" data-status={processing}>{text}</span>;
  }
  return (
    <span className={`badge action-status badge--actions-${status}`} data-testid="action-status" data-status={status}>
      {LABEL[status]}
    </span>
  );
}
