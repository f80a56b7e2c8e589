import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Destination } from '../../../../shared/domain/destination';
import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeApiError } from '../../lib/errors';
import { draftInput, draftOf, errorsFromIssues, type DestinationDraft, type DestinationErrors, type DestinationField } from './destination-draft';

interface Props {
  source: Source;
  environment: string;
  /** Absent: a new destination. */
  destination?: Destination;
  onDone(): void;
}

/** Adds or edits a destination; errors (ours or the host's) are shown at their fields. */
export function DestinationForm({ source, environment, destination, onDone }: Props) {
  const create = useApp((s) => s.createDestination);
  const update = useApp((s) => s.updateDestination);
  const [draft, setDraft] = useState<DestinationDraft>(() => draftOf(destination));
  const [errors, setErrors] = useState<DestinationErrors>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const set = (patch: Partial<DestinationDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = draftInput(draft);
    if (checked.errors) return setErrors(checked.errors);
    setBusy(true);
    const result = destination ? await update({ id: destination.id, ...checked.input }) : await create({ sourceId: source.id, environment, ...checked.input });
    setBusy(false);
    if (result.ok) onDone();
    else setErrors(errorsFromIssues(result.error.issues ?? [], describeApiError(result.error)));
  };

  const field = (name: DestinationField, label: string, control: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby': string }) => ReactNode, help?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {control({ id: `${id}-${name}`, ...(errors[name] ? { 'aria-invalid': true as const } : {}), 'aria-describedby': `${id}-${name}-help` })}
      <p id={`${id}-${name}-help`} className={errors[name] ? 'field__error' : 'field__help'} data-testid={errors[name] ? `destination-error-${name}` : undefined}>
        {errors[name] ?? help}
      </p>
    </div>
  );

  return (
    <form className="destination-form" aria-label={destination ? `Edit ${destination.name}` : 'New destination'} data-testid="destination-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      {field('url', 'URL', (a) => <input {...a} className="input" autoFocus value={draft.url} placeholder="http://localhost:3000/webhooks" data-testid="destination-url" onChange={(e) => set({ url: e.target.value })} />, 'Your app’s webhook route. The query string the sender used is added to it.')}
      <div className="destination-form__row">
        {field('name', 'Name', (a) => <input {...a} className="input" value={draft.name} placeholder="my app" onChange={(e) => set({ name: e.target.value })} />, 'Optional; defaults to the host and path.')}
        {field('eventTypes', 'Event types', (a) => <input {...a} className="input" value={draft.eventTypes} placeholder="customer.*, invoice.paid" data-testid="destination-event-types" onChange={(e) => set({ eventTypes: e.target.value })} />, 'As in mappings: exact, or * for one segment, ** for any. Empty: every event.')}
      </div>
      <fieldset className="destination-form__signing">
        <legend>Signing</legend>
        <label className="radio">
          <input type="radio" name={`${id}-signing`} checked={draft.signing === 'as_received'} onChange={() => set({ signing: 'as_received' })} />
          As received — the exact bytes and headers; the provider’s signature still verifies.
        </label>
        <label className="radio">
          <input type="radio" name={`${id}-signing`} checked={draft.signing === 'resign'} data-testid="destination-resign" onChange={() => set({ signing: 'resign' })} />
          Re-signed — signed afresh as the provider would (for replays, imports and events released late).
        </label>
        {draft.signing === 'resign' && (
          <div className="destination-form__secret">
            <select className="select" aria-label="Signing secret" value={draft.secretAction} onChange={(e) => set({ secretAction: e.target.value as DestinationDraft['secretAction'] })}>
              <option value="keep">{destination?.hasSecret ? 'Keep this destination’s own secret' : 'The environment’s secret'}</option>
              <option value="set">{destination?.hasSecret ? 'Replace its own secret' : 'A secret of its own'}</option>
              {destination?.hasSecret && <option value="remove">Remove its own secret (use the environment’s)</option>}
            </select>
            {draft.secretAction === 'set' &&
              field('secret', 'Secret', (a) => <input {...a} type="password" className="input" autoComplete="off" value={draft.secret} onChange={(e) => set({ secret: e.target.value })} />, 'Stored sealed; never shown again.')}
          </div>
        )}
      </fieldset>
      <div className="destination-form__row">
        {field('timeout', 'Timeout (seconds)', (a) => <input {...a} className="input" inputMode="decimal" value={draft.timeoutSeconds} data-testid="destination-timeout" onChange={(e) => set({ timeoutSeconds: e.target.value })} />, 'Up to 300 (5 minutes).')}
        {field('concurrency', 'At once', (a) => <input {...a} className="input" inputMode="numeric" value={draft.concurrency} disabled={draft.ordered} onChange={(e) => set({ concurrency: e.target.value })} />, draft.ordered ? 'One at a time, in order.' : 'Deliveries in flight together.')}
        {field('retrySchedule', 'Attempts after', (a) => <input {...a} className="input" value={draft.retrySchedule} data-testid="destination-schedule" onChange={(e) => set({ retrySchedule: e.target.value })} />, 'Wait before each attempt: 0 (at once), 10s, 1m, 2h…')}
      </div>
      <div className="destination-form__checks">
        <label className="checkbox">
          <input type="checkbox" checked={draft.enabled} data-testid="destination-enabled" onChange={(e) => set({ enabled: e.target.checked })} /> Enabled
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.ordered} data-testid="destination-ordered" onChange={(e) => set({ ordered: e.target.checked })} /> In order (one at a time; a failing event holds back the ones after it)
        </label>
      </div>
      <ErrorNotice message={errors._ ?? null} />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="save-destination">
          {busy ? 'Saving…' : destination ? 'Save' : 'Add destination'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
