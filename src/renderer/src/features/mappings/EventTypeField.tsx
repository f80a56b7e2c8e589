import { useMemo } from 'react';
import { useApp } from '../../app/store-context';
import { matchesDraftType, seenEventTypes } from './mapping-draft';

/** The event type (exact or a pattern such as `customer.*`), with the types seen for this source. */
export function EventTypeField({ sourceName }: { sourceName: string }) {
  const value = useApp((s) => s.draft?.eventType ?? '');
  const error = useApp((s) => s.draftErrors.eventType);
  const events = useApp((s) => s.recentSourceEvents);
  const template = useApp((s) => s.sourceTemplate);
  const editDraft = useApp((s) => s.editDraft);
  const seen = useMemo(() => seenEventTypes(events), [events]);
  const suggestions = useMemo(() => [...new Set([...seen, ...(template?.samples.map((s) => s.eventType) ?? [])])], [seen, template]);
  const isPattern = value.includes('*');
  const matching = isPattern && value.trim() ? seen.filter((t) => matchesDraftType(value, t)) : [];

  return (
    <div className="field event-type">
      <input
        className="input input--mono"
        aria-label="Event type"
        list="event-type-options"
        value={value}
        spellCheck={false}
        autoComplete="off"
        placeholder="invoice.paid, customer.*"
        aria-invalid={error ? true : undefined}
        data-testid="event-type-input"
        onChange={(e) => editDraft({ eventType: e.target.value })}
      />
      <datalist id="event-type-options">
        {suggestions.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {error ? (
        <p className="field__error">{error}</p>
      ) : isPattern ? (
        <p className="field__help" data-testid="event-type-matches">
          Pattern: matches {matching.length} of the {seen.length} event types seen{matching.length ? ` (${matching.slice(0, 4).join(', ')}${matching.length > 4 ? ', …' : ''})` : ''}.
        </p>
      ) : (
        <p className="field__help">
          {seen.length ? `Seen from ${sourceName}: ` : `No events from ${sourceName} yet. `}
          {seen.slice(0, 6).map((t) => (
            <button key={t} type="button" className="chip" data-testid="seen-event-type" onClick={() => editDraft({ eventType: t })}>
              {t}
            </button>
          ))}
          {seen.length === 0 && 'Use * for one segment, ** for several.'}
        </p>
      )}
    </div>
  );
}
