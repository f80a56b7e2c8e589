import { useApp } from '../../app/store-context';

/** Freezes the list while the user reads (as the ngrok inspector does); arrivals wait, none is lost. */
export function PauseLiveButton() {
  const paused = useApp((s) => s.livePaused);
  const held = useApp((s) => s.heldArrivals.length);
  const setPaused = useApp((s) => s.setLivePaused);
  return (
    <button
      type="button"
      className="btn btn--small"
      aria-pressed={paused}
      data-testid="pause-live"
      title={paused ? 'New events are held until you resume' : 'Hold new events so the list stays still'}
      onClick={() => setPaused(!paused)}
    >
      {paused ? `Resume live${held > 0 ? ` (${held} waiting)` : ''}` : 'Pause live'}
    </button>
  );
}
