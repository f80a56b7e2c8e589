import { useState } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../lib/format';

/** "Test against the last N events": how many would pass, and why the others fail. */
export function RehearsePanel() {
  const rehearsal = useApp((s) => s.rehearsal);
  const status = useApp((s) => s.rehearsalStatus);
  const error = useApp((s) => s.rehearsalError);
  const rehearse = useApp((s) => s.rehearseDraft);
  const showEventSample = useApp((s) => s.showEventSample);
  const shownEventId = useApp((s) => s.sample?.eventId ?? null);
  const [lastN, setLastN] = useState(20);
  const failures = rehearsal?.results.filter((r) => r.outcome.run.status === 'error') ?? [];

  return (
    <section className="rehearse" aria-label="Test against logged events" data-testid="rehearse">
      <div className="rehearse__bar">
        <button type="button" className="btn btn--small" disabled={status === 'running'} data-testid="rehearse-run" onClick={() => void rehearse(lastN)}>
          {status === 'running' ? 'Testing…' : 'Test against the last'}
        </button>
        <input
          className="input rehearse__n"
          type="number"
          min={1}
          max={1000}
          aria-label="Number of events"
          value={lastN}
          onChange={(e) => setLastN(Math.min(1000, Math.max(1, Number(e.target.value) || 1)))}
        />
        <span>events</span>
        {rehearsal && (
          <span className="rehearse__summary" data-testid="rehearse-summary">
            {rehearsal.total === 0 ? (
              'No logged events of this type yet.'
            ) : (
              <>
                <span className="rehearse__pass" data-testid="rehearse-passed">{rehearsal.passed} pass</span>
                <span className="rehearse__fail" data-testid="rehearse-failed">{rehearsal.failed} fail</span>
                <span className="muted">of {rehearsal.total}</span>
              </>
            )}
          </span>
        )}
      </div>
      <ErrorNotice message={error} />
      {failures.length > 0 && (
        <ul className="rehearse__failures" data-testid="rehearse-failures">
          {failures.map((r) => {
            const reasons = [...r.outcome.plan.errors, ...r.outcome.run.errors].map((e) => e.message);
            return (
              <li key={r.eventId}>
                <button
                  type="button"
                  className="rehearse__failure"
                  aria-current={shownEventId === r.eventId ? 'true' : undefined}
                  data-testid="rehearse-failure"
                  onClick={() => void showEventSample(r.eventId)}
                >
                  <span className="rehearse__event">#{r.eventId} · {formatDateTime(r.receivedAt)}</span>
                  <span className="rehearse__reasons">{[...new Set(reasons)].join('; ') || 'failed'}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
