import type { ActionStatus, Processing } from '../../../../shared/domain/event';

const LABEL: Record<ActionStatus, string> = { success: 'ok', error: 'error', partial: 'partial', skipped: 'skipped', no_mapping: 'no mapping' };

/** The sum of an event's action runs, or where it is in the pipeline before that. */
export function ActionStatusBadge({ status, processing }: { status: ActionStatus | null; processing: Processing }) {
  if (status === null) {
    const text = processing === 'pending' ? 'pending…' : processing === 'duplicate' ? 'duplicate' : '—';
    return <span className="muted action-status" data-testid="action-status" data-status={processing}>{text}</span>;
  }
  return (
    <span className={`badge action-status badge--actions-${status}`} data-testid="action-status" data-status={status}>
      {LABEL[status]}
    </span>
  );
}
