import { useEffect, useState } from 'react';
import type { EventDetail } from '../../../../shared/domain/event';
import { useApp } from '../../app/store-context';
import { ActionRunItem } from './ActionRunItem';

const PROCESSING_TEXT: Record<EventDetail['processing'], string> = {
  none: 'Nothing to run: the request was rejected or did not reach a source.',
  pending: 'Waiting to run mappings…',
  duplicate: 'A repeat of an earlier event (same idempotency key): no actions ran.',
  done: 'No mapping matched this event type.',
};

/** For a duplicate: a link to the event that already ran its idempotency key, once found. */
function DuplicateOf({ detail }: { detail: EventDetail }) {
  const find = useApp((s) => s.findOriginalEvent);
  const openEvent = useApp((s) => s.openEvent);
  const [original, setOriginal] = useState<number | null | 'looking'>('looking');
  useEffect(() => {
    let live = true;
    setOriginal('looking');
    find(detail)
      .catch(() => null)
      .then((id) => live && setOriginal(id));
    return () => {
      live = false;
    };
  }, [find, detail]);
  if (original === 'looking' || original === null) {
    return original === null && detail.idempotencyKey ? <p className="muted">Key <code>{detail.idempotencyKey}</code>; the original is no longer in the log.</p> : null;
  }
  return (
    <p>
      Key <code>{detail.idempotencyKey}</code> already ran with{' '}
      <button type="button" className="link" data-testid="duplicate-original-link" onClick={() => void openEvent(original)}>
        event #{original}
      </button>
      .
    </p>
  );
}

/** What the mappings did with this event: one entry per action run, in execution order. */
export function ActionRunsPanel({ detail }: { detail: EventDetail }) {
  const runs = detail.actionRuns;
  return (
    <section className="detail__section" data-testid="action-runs">
      <h3>Actions</h3>
      {runs.length === 0 ? (
        <>
          <p className="muted">{PROCESSING_TEXT[detail.processing]}</p>
          {detail.processing === 'duplicate' && <DuplicateOf detail={detail} />}
        </>
      ) : (
        <ul className="runs">
          {runs.map((run) => (
            <ActionRunItem key={run.id} run={run} sourceId={detail.sourceId} environment={detail.environment} />
          ))}
        </ul>
      )}
    </section>
  );
}
