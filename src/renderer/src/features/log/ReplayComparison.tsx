import { useEffect, type ReactNode } from 'react';
import type { ActionRun, EventDetail } from '../../../../shared/domain/event';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../lib/format';
import { ActionStatusBadge } from './ActionStatusBadge';
import { StatusCode } from './StatusCode';
import { ReplayModeTag } from './ReplayModeTag';
import { RequestDiffView } from './RequestDiffView';
import { VerificationBadge } from './VerificationBadge';

const runsKey = (runs: readonly ActionRun[]): string => runs.map((r) => `${r.actionType}:${r.status}:${r.errors.map((e) => e.code).join(',')}`).join('|');

function Runs({ runs }: { runs: readonly ActionRun[] }) {
  if (runs.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="compare__runs">
      {runs.map((r) => (
        <li key={r.id}>
          <span className={`badge badge--run-${r.status}`}>{r.status}</span> <code>{r.actionType}</code>
          {r.errors.length > 0 && <span className="compare__errors"> {r.errors.map((e) => e.code).join(', ')}</span>}
        </li>
      ))}
    </ul>
  );
}

interface Row {
  label: string;
  /** What is compared to mark the row as changed. */
  key: (e: EventDetail) => string;
  show: (e: EventDetail) => ReactNode;
}

const ROWS: readonly Row[] = [
  { label: 'Received', key: () => '', show: (e) => formatDateTime(e.receivedAt) },
  { label: 'Verification', key: (e) => e.verification, show: (e) => <VerificationBadge status={e.verification} /> },
  { label: 'Event type', key: (e) => e.eventType ?? '', show: (e) => <code>{e.eventType ?? '—'}</code> },
  { label: 'Answered', key: (e) => String(e.responseStatus), show: (e) => <StatusCode status={e.responseStatus} /> },
  { label: 'Actions', key: (e) => `${e.actionStatus}:${e.processing}`, show: (e) => <ActionStatusBadge status={e.actionStatus} processing={e.processing} /> },
  { label: 'Action runs', key: (e) => runsKey(e.actionRuns), show: (e) => <Runs runs={e.actionRuns} /> },
];

/** A replay next to its original: what it sent differently (edits, a new signature) and what the current configuration does differently. */
export function ReplayComparison({ replay }: { replay: EventDetail & { replayOf: number } }) {
  const original = useApp((s) => (s.replayOriginal?.id === replay.replayOf ? s.replayOriginal : null));
  const load = useApp((s) => s.loadReplayOriginal);
  const openEvent = useApp((s) => s.openEvent);

  useEffect(() => {
    void load(replay.replayOf);
  }, [load, replay.replayOf]);

  return (
    <section className="detail__section compare" data-testid="replay-comparison">
      <h3>
        Replay of{' '}
        <button type="button" className="link" data-testid="replay-original-link" onClick={() => void openEvent(replay.replayOf)}>
          event #{replay.replayOf}
        </button>{' '}
        <ReplayModeTag mode={replay.replayMode} edited={replay.edited} />
      </h3>
      <ErrorNotice message={original?.error ?? null} />
      {original?.detail && (
        <details className="compare__request" open={replay.edited === true} data-testid="compare-request">
          <summary>{replay.edited ? 'Request: edited before sending' : replay.replayMode === 'resign' ? 'Request: re-signed' : 'Request'}</summary>
          <RequestDiffView original={original.detail} replay={replay} />
        </details>
      )}
      {original?.detail ? (
        <table className="table table--compact compare__table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">Original #{replay.replayOf}</th>
              <th scope="col">This replay #{replay.id}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const changed = row.key(original.detail!) !== row.key(replay);
              return (
                <tr key={row.label} className={changed ? 'compare__row--changed' : undefined} data-testid={`compare-${row.label.toLowerCase().replace(' ', '-')}`} data-changed={changed}>
                  <th scope="row">{row.label}</th>
                  <td data-side="original">{row.show(original.detail!)}</td>
                  <td data-side="replay">{row.show(replay)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        !original?.error && <p className="muted">Loading the original…</p>
      )}
    </section>
  );
}
