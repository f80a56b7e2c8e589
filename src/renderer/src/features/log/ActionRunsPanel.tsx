import type { EventDetail } from '../../../../shared/domain/event';

const PROCESSING_TEXT: Record<EventDetail['processing'], string> = {
  none: 'Nothing to run: the request was rejected or did not reach a source.',
  pending: 'Waiting to run mappings…',
  duplicate: 'A repeat of an earlier event (same idempotency key): no actions ran.',
  done: 'No mapping matched this event type.',
};

/** What the mappings did with this event: one line per action run, with its errors. */
export function ActionRunsPanel({ detail }: { detail: EventDetail }) {
  const runs = detail.actionRuns;
  return (
    <section className="detail__section" data-testid="action-runs">
      <h3>Actions</h3>
      {runs.length === 0 ? (
        <p className="muted">{PROCESSING_TEXT[detail.processing]}</p>
      ) : (
        <ul className="runs">
          {runs.map((run) => (
            <li key={run.id} className="runs__item" data-testid="action-run" data-status={run.status}>
              <span className={`badge badge--run-${run.status}`}>{run.status}</span>
              <code>{run.actionType}</code>
              {run.coercions.length > 0 && <span className="muted"> · {run.coercions.join('; ')}</span>}
              {run.errors.length > 0 && (
                <ul className="runs__errors">
                  {run.errors.map((e, i) => (
                    <li key={i}>
                      <code>{e.code}</code> {e.message}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
