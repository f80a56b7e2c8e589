import type { EventDetail } from '../../../../shared/domain/event';
import { ActionRunItem } from './ActionRunItem';

const PROCESSING_TEXT: Record<EventDetail['processing'], string> = {
  none: 'Nothing to run: the request was rejected or did not reach a source.',
  pending: 'Waiting to run mappings…',
  duplicate: 'A repeat of an earlier event (same idempotency key): no actions ran.',
  done: 'No mapping matched this event type.',
};

/** What the mappings did with this event: one entry per action run, in execution order. */
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
            <ActionRunItem key={run.id} run={run} />
          ))}
        </ul>
      )}
    </section>
  );
}
