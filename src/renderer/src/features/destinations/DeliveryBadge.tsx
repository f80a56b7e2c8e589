import type { DeliveryStatus } from '../../../../shared/domain/destination';

const TITLE: Record<DeliveryStatus, string> = {
  delivered: 'Forwarded: every destination accepted it',
  failed: 'A destination did not accept it (final, or out of retries): open the event for the attempts',
  held: 'Waiting: its destination is paused or its app is down; it goes when the app answers or you resume',
  pending: 'On its way (or waiting for its next attempt)',
};

/** The log's delivery column: where the event's forwarding stands. */
export function DeliveryBadge({ status }: { status: DeliveryStatus | null | undefined }) {
  if (!status) return <span className="muted" data-testid="delivery-state" data-status="none">—</span>;
  return (
    <span className={`badge badge--delivery-${status}`} data-testid="delivery-state" data-status={status} title={TITLE[status]}>
      {status}
    </span>
  );
}
