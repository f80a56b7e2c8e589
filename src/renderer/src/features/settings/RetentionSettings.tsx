import { useState } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { AppSettingsView } from './settings.slice';
import { errorText } from '../../lib/errors';

type Retention = AppSettingsView['retention'];
const LIMITS = { maxAgeDays: [1, 3650], maxEvents: [100, 100_000_000] } as const;

/** Empty means "no limit"; anything else must be a whole number in range. */
function parseLimit(text: string, [min, max]: readonly [number, number]): { value: number | null } | { error: string } {
  const t = text.trim().replace(/[\s,_]/g, '');
  if (t === '') return { value: null };
  const n = Number(t);
  if (!Number.isInteger(n) || n < min || n > max) return { error: `A whole number from ${min.toLocaleString()} to ${max.toLocaleString()}, or empty for no limit.` };
  return { value: n };
}

/** How much of the log to keep, and pruning now with progress. */
export function RetentionSettings({ saved }: { saved: Retention }) {
  const update = useApp((s) => s.updateSettings);
  const prune = useApp((s) => s.prune);
  const pruneNow = useApp((s) => s.pruneNow);
  const [days, setDays] = useState(saved.maxAgeDays?.toString() ?? '');
  const [events, setEvents] = useState(saved.maxEvents?.toString() ?? '');
  const [error, setError] = useState<string | null>(null);
  const parsedDays = parseLimit(days, LIMITS.maxAgeDays);
  const parsedEvents = parseLimit(events, LIMITS.maxEvents);
  const valid = 'value' in parsedDays && 'value' in parsedEvents;
  const dirty = valid && (parsedDays.value !== saved.maxAgeDays || parsedEvents.value !== saved.maxEvents);

  const save = async () => {
    if (!('value' in parsedDays) || !('value' in parsedEvents)) return;
    const result = await update({ retention: { maxAgeDays: parsedDays.value, maxEvents: parsedEvents.value } });
    setError(errorText(result));
  };

  return (
    <section className="card settings-card" aria-labelledby="settings-retention" data-testid="settings-retention">
      <h2 className="card__title" id="settings-retention">
        Log retention
      </h2>
      <p className="field__help">Older events are removed in the background. Leave a field empty to keep everything by that measure.</p>
      <form
        className="settings-row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="retention-days">Keep days</label>
          <input id="retention-days" className="input settings-number" inputMode="numeric" value={days} placeholder="no limit" aria-invalid={'error' in parsedDays} data-testid="retention-days" onChange={(e) => setDays(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="retention-events">Keep events</label>
          <input id="retention-events" className="input settings-number" inputMode="numeric" value={events} placeholder="no limit" aria-invalid={'error' in parsedEvents} data-testid="retention-events" onChange={(e) => setEvents(e.target.value)} />
        </div>
        <button type="submit" className="btn btn--primary" disabled={!dirty} data-testid="save-retention">
          Save
        </button>
      </form>
      {'error' in parsedDays && <p className="field__error">Days: {parsedDays.error}</p>}
      {'error' in parsedEvents && <p className="field__error">Events: {parsedEvents.error}</p>}
      <ErrorNotice message={error} />
      <div className="settings-divider" />
      <div className="settings-prune">
        <button type="button" className="btn" disabled={prune?.state === 'running'} data-testid="prune-now" onClick={() => void pruneNow()}>
          Prune now
        </button>
        {prune && (
          <span className="settings-prune__status" role="status" data-testid="prune-status" data-state={prune.state}>
            {prune.state === 'running' &&
              (prune.total === null ? (
                <>
                  <span className="spinner" aria-hidden="true" /> Pruning…
                </>
              ) : (
                <>
                  <progress className="settings-prune__bar" max={Math.max(prune.total, 1)} value={prune.deleted} aria-label="Pruning progress" data-testid="prune-progress" />
                  {prune.deleted.toLocaleString()} of {prune.total.toLocaleString()} removed
                </>
              ))}
            {prune.state === 'finished' && `Done: ${prune.deleted.toLocaleString()} ${prune.deleted === 1 ? 'event' : 'events'} removed.`}
            {prune.state === 'failed' && <span className="field__error">{prune.error}</span>}
          </span>
        )}
      </div>
    </section>
  );
}
