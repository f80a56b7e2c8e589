import { useState } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { ReplayOptions } from './replay.slice';
import { ReplayOptionsFields } from './ReplayOptionsFields';

/** Replays the open event through the current configuration; the replay opens when logged. */
export function ReplayPanel({ eventId }: { eventId: number }) {
  const [options, setOptions] = useState<ReplayOptions>({ mode: 'as_is', respectIdempotency: false });
  const status = useApp((s) => s.replayStatus);
  const error = useApp((s) => (s.replayErrorFor === eventId ? s.replayError : null));
  const replay = useApp((s) => s.replayEvent);

  return (
    <section className="detail__section replay-panel" aria-label="Replay">
      <h3>Replay</h3>
      <p className="field__help">Sends this request again through the current mappings and settings, as a new log entry linked to this one.</p>
      <ReplayOptionsFields value={options} onChange={setOptions} idPrefix="replay" />
      <div className="actions">
        <button type="button" className="btn btn--primary btn--small" disabled={status === 'running'} data-testid="replay-event" onClick={() => void replay(eventId, options)}>
          {status === 'running' ? 'Replaying…' : 'Replay this event'}
        </button>
      </div>
      <ErrorNotice message={error} />
    </section>
  );
}
