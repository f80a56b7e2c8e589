import { useEffect, useMemo } from 'react';
import { useApp } from '../../app/store-context';
import { forwardingTrouble } from './forwarding-trouble';
import './destinations.css';

/** In the frame: shown while any destination fails or holds events; opens the first such source's Forwarding tab. */
export function ForwardingBadge() {
  const destinations = useApp((s) => s.destinations);
  const load = useApp((s) => s.loadDestinations);
  const open = useApp((s) => s.openForwarding);
  const trouble = useMemo(() => forwardingTrouble(destinations), [destinations]);
  useEffect(() => void load(), [load]);
  if (!trouble) return null;
  const { first, failing, held, names } = trouble;
  const words = [failing ? `${failing} failing` : null, held ? `${held} held` : null].filter(Boolean).join(' · ');
  return (
    <button
      type="button"
      className={`forwarding-badge${failing ? ' forwarding-badge--failing' : ''}`}
      data-testid="forwarding-badge"
      title={`Forwarding needs a look: ${names.join(', ')}`}
      aria-label={`Forwarding: ${words}. Open ${first.name}`}
      onClick={() => open(first.sourceId, first.environment)}
    >
      <span className="forwarding-badge__dot" aria-hidden="true" />
      Forwarding: {words}
    </button>
  );
}
