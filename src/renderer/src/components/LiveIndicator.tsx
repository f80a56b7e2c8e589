import type { LiveStatus } from '../api/http-transport';

const LABEL: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline, reconnecting…',
};

/** Whether pushed events are arriving; when offline, the log may lag until the stream is back. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span className={`live live--${status}`} role="status" data-testid="live-status" data-status={status}>
      <span className="live__dot" aria-hidden="true" />
      {LABEL[status]}
    </span>
  );
}
