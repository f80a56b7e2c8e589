import type { Origin } from '../../../../shared/domain/event';

const LABEL: Record<Origin, string> = { received: 'received', test: 'test', replay: 'replay', import: 'import' };

/** How the request got into the log; plain arrivals stay quiet unless `always`. */
export function OriginBadge({ origin, always = false, title }: { origin: Origin; always?: boolean; title?: string }) {
  if (origin === 'received' && !always) return null;
  return (
    <span className={`origin origin--${origin}`} title={title} data-testid="origin-badge" data-origin={origin}>
      {LABEL[origin]}
    </span>
  );
}
