import type { Destination } from '../../../../shared/domain/destination';

/** The dot's four states; `disabled` and `idle` (nothing sent yet) read as quiet. */
export function healthLabel(d: Pick<Destination, 'health' | 'paused' | 'autoHeld'>): string {
  if (d.health === 'held') return d.paused ? 'paused: events are held until you resume' : 'holding: the app does not answer; events wait and go when it does';
  if (d.health === 'failing') return 'failing: the last attempt was not accepted';
  if (d.health === 'disabled') return 'off: nothing is forwarded';
  if (d.health === 'ok') return 'ok: the last delivery was accepted';
  return 'ok: nothing sent yet';
}

/** What the dot shows: ok, failing, holding (the app is down) or paused. */
export const dotState = (d: Pick<Destination, 'health' | 'paused'>): 'ok' | 'failing' | 'holding' | 'paused' | 'off' =>
  d.health === 'held' ? (d.paused ? 'paused' : 'holding') : d.health === 'failing' ? 'failing' : d.health === 'disabled' ? 'off' : 'ok';

export function HealthDot({ destination }: { destination: Pick<Destination, 'health' | 'paused' | 'autoHeld'> }) {
  const state = dotState(destination);
  const label = healthLabel(destination);
  return <span className={`health-dot health-dot--${state}`} role="img" aria-label={`Health: ${label}`} title={label} data-testid="health-dot" data-state={state} />;
}
