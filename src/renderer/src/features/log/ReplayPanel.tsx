import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../../shared/api/contract';
import type { EventDetail } from '../../../../shared/domain/event';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeError } from '../../lib/errors';
import { EditReplayDrawer } from './EditReplayDrawer';
import type { ReplayOptions } from './replay.slice';
import { ReplayOptionsFields } from './ReplayOptionsFields';

type Choices = ApiOutput<'events.replayOptions'>;

/** Which modes this event can take and its default, asked once per event; null until answered. */
function useReplayChoices(eventId: number): { choices: Choices | null; error: string | null } {
  const ask = useApp((s) => s.replayOptionsOf);
  const [state, setState] = useState<{ id: number; choices: Choices | null; error: string | null }>({ id: eventId, choices: null, error: null });
  useEffect(() => {
    let live = true;
    ask(eventId).then(
      (choices) => live && setState({ id: eventId, choices, error: null }),
      (error: unknown) => live && setState({ id: eventId, choices: null, error: describeError(error) }),
    );
    return () => {
      live = false;
    };
  }, [ask, eventId]);
  return state.id === eventId ? state : { choices: null, error: null };
}

/** Replays the open event through the current configuration (re-signed when its signature is stale); the replay opens when logged. */
export function ReplayPanel({ detail }: { detail: EventDetail }) {
  const eventId = detail.id;
  const { choices, error: choicesError } = useReplayChoices(eventId);
  const [picked, setPicked] = useState<{ id: number; options: ReplayOptions } | null>(null);
  const [editing, setEditing] = useState(false);
  const status = useApp((s) => s.replayStatus);
  const error = useApp((s) => (s.replayErrorFor === eventId ? s.replayError : null));
  const replay = useApp((s) => s.replayEvent);
  // Until the user picks, the mode follows the event's default (re-sign for a stale signature).
  const options: ReplayOptions = picked?.id === eventId ? picked.options : { mode: choices?.defaultMode ?? 'as_is', respectIdempotency: false };
  const resign = choices?.modes.find((m) => m.mode === 'resign');

  return (
    <section className="detail__section replay-panel" aria-label="Replay">
      <h3>Replay</h3>
      <p className="field__help">Sends this request again through the current mappings and settings, as a new log entry linked to this one.</p>
      {choices?.reason && (
        <p className="notice notice--info replay-panel__default" data-testid="replay-default-reason" data-default-mode={choices.defaultMode}>
          {choices.reason}
        </p>
      )}
      <ReplayOptionsFields value={options} onChange={(next) => setPicked({ id: eventId, options: next })} idPrefix="replay" resign={resign} />
      <div className="actions">
        <button type="button" className="btn btn--primary btn--small" disabled={status === 'running'} data-testid="replay-event" onClick={() => void replay(eventId, options)}>
          {status === 'running' ? 'Replaying…' : 'Replay this event'}
        </button>
        <button type="button" className="btn btn--small" data-testid="edit-replay-open" onClick={() => setEditing(true)}>
          Edit and replay…
        </button>
      </div>
      <ErrorNotice message={error ?? choicesError} />
      {editing && <EditReplayDrawer detail={detail} resign={resign} onClose={() => setEditing(false)} />}
    </section>
  );
}
