import { useEffect } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../lib/format';

const EMPTY: never[] = [];

/** Where the event was forwarded: each destination's delivery, its attempts, and a retry. */
export function DeliveriesPanel({ eventId }: { eventId: number }) {
  const deliveries = useApp((s) => s.deliveriesByEvent[eventId] ?? EMPTY);
  const error = useApp((s) => s.deliveriesError);
  const load = useApp((s) => s.loadDeliveries);
  const retry = useApp((s) => s.retryDelivery);
  useEffect(() => void load(eventId), [eventId, load]);
  if (deliveries.length === 0 && !error) return null;

  return (
    <section className="detail__section deliveries-panel" aria-label="Deliveries" data-testid="deliveries-panel">
      <h3>Deliveries</h3>
      <ul className="deliveries-panel__list">
        {deliveries.map((d) => {
          const last = d.attemptLog.at(-1);
          return (
            <li key={d.id} data-testid="delivery" data-status={d.status}>
              <strong>{d.destinationName}</strong> <span className={`badge badge--${d.status}`}>{d.status}</span>{' '}
              {d.lastStatus !== null && <span data-testid="delivery-status-code">{d.lastStatus}</span>}{' '}
              {last && <span data-testid="delivery-latency">{last.latencyMs} ms</span>}{' '}
              {d.lastError && d.status !== 'delivered' && <span className="field__help">{d.lastError}</span>}
              {d.nextAt !== null && d.status === 'pending' && <span className="field__help"> next attempt {formatDateTime(d.nextAt)}</span>}
              {(d.status === 'failed' || d.status === 'delivered') && (
                <button type="button" className="btn btn--small" data-testid="retry-delivery" onClick={() => void retry(d.id, eventId)}>
                  Retry now
                </button>
              )}
              <details>
                <summary>{d.attempts} attempt{d.attempts === 1 ? '' : 's'}</summary>
                <ol>
                  {d.attemptLog.map((a) => (
                    <li key={a.n}>
                      {formatDateTime(a.startedAt)}: {a.response ? `${a.response.status} in ${a.latencyMs} ms` : a.error}
                      {a.response?.body && <pre className="deliveries-panel__body">{a.response.body}</pre>}
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          );
        })}
      </ul>
      <ErrorNotice message={error} />
    </section>
  );
}
