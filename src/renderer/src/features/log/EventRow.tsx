import { memo } from 'react';
import type { EventSummary } from '../../../../shared/domain/event';
import { formatTime } from '../../lib/format';
import { DeliveryBadge } from '../destinations/DeliveryBadge';
import { issueTooltip } from './action-run-advice';
import { ActionStatusBadge } from './ActionStatusBadge';
import { OriginBadge } from './OriginBadge';
import { replayTooltip } from './replay-mode';
import { StatusCode } from './StatusCode';
import { VerificationBadge } from './VerificationBadge';
import { VisibleText } from './VisibleText';

interface Props {
  event: EventSummary;
  /** Null where the column is hidden (a source's own log). */
  sourceName: string | null;
  /** Whether the forwarding column is shown (some destination exists). */
  showDelivery?: boolean;
  active: boolean;
  selected: boolean;
  /** Where the virtual list places the row (px). */
  top: number;
  height: number;
  onOpen(id: number): void;
}

/**
 * Memoised with plain props: typing a search re-renders the list at every key and answer, and on a
 * loaded machine re-rendering every row on screen each time held the next answer back.
 */
export const EventRow = memo(function EventRow({ event, sourceName, showDelivery, active, selected, top, height, onOpen }: Props) {
  return (
    <div
      id={`event-row-${event.id}`}
      role="option"
      aria-selected={selected}
      className={`event-row${active ? ' event-row--active' : ''}${selected ? ' event-row--selected' : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height, transform: `translateY(${top}px)` }}
      data-testid="event-row"
      data-event-id={event.id}
      data-origin={event.origin}
      onClick={() => onOpen(event.id)}
    >
      <span className="event-row__time" title={new Date(event.receivedAt).toISOString()}>
        {formatTime(event.receivedAt)}
      </span>
      {sourceName !== null && <span className="event-row__source" data-testid="event-source">{sourceName}</span>}
      <span className="event-row__type">
        <span data-testid="event-type">{event.eventType !== null ? <VisibleText text={event.eventType} /> : <span className="muted">{event.error ? 'rejected' : 'no type'}</span>}</span>
        <OriginBadge origin={event.origin} title={replayTooltip(event)} />
      </span>
      <VerificationBadge status={event.verification} />
      <ActionStatusBadge
        status={event.actionStatus}
        processing={event.processing}
        origin={event.origin}
        title={event.actionIssue ? issueTooltip(event.actionIssue) : undefined}
      />
      {showDelivery && <DeliveryBadge status={event.delivery} />}
      <StatusCode status={event.responseStatus} reason={event.error} />
    </div>
  );
});
