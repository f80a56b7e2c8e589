import { useState } from 'react';
import type { ApiResult } from '../../../../shared/api/result';
import type { Destination } from '../../../../shared/domain/destination';
import { useApp } from '../../app/store-context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeApiError } from '../../lib/errors';
import { formatSchedule } from './destination-draft';
import type { DestinationTestResult } from './destinations.slice';
import { HealthDot } from './HealthDot';

/** Release rates offered for held events; empty: all at once. */
const RATES: ReadonlyArray<[string, string]> = [
  ['', 'all at once'],
  ['1', '1 per second'],
  ['10', '10 per second'],
  ['100', '100 per second'],
];

function TestOutcome({ result }: { result: DestinationTestResult }) {
  if (result.status === null) return <p className="field__error" data-testid="destination-test-result">Not delivered: {result.error}</p>;
  const ok = result.status >= 200 && result.status < 300;
  return (
    <p className={ok ? 'field__help' : 'field__error'} data-testid="destination-test-result">
      The app answered <strong data-testid="destination-test-status">{result.status}</strong> in {result.latencyMs} ms
      {result.body && (
        <>
          : <code className="destination__answer">{result.body.slice(0, 200)}</code>
        </>
      )}
    </p>
  );
}

/** One destination: health, counts, and what can be done with it. */
export function DestinationItem({ destination: d, onEdit }: { destination: Destination; onEdit(): void }) {
  const test = useApp((s) => s.testDestination);
  const pause = useApp((s) => s.pauseDestination);
  const resume = useApp((s) => s.resumeDestination);
  const retryFailed = useApp((s) => s.retryFailedDeliveries);
  const remove = useApp((s) => s.deleteDestination);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tested, setTested] = useState<DestinationTestResult | null>(null);
  const [rate, setRate] = useState('');
  const holding = d.paused || d.autoHeld;

  const run = async <T,>(what: string, call: () => Promise<ApiResult<T>>, then?: (value: T) => void) => {
    setBusy(what);
    setError(null);
    const result = await call();
    setBusy(null);
    if (result.ok) then?.(result.value);
    else setError(describeApiError(result.error));
  };
  const release = () => run('resume', () => resume(d.id, rate ? Number(rate) : undefined));

  return (
    <li className="destination" data-testid="destination" data-destination-id={d.id} data-health={d.health}>
      <div className="destination__head">
        <HealthDot destination={d} />
        <div className="destination__main">
          <strong className="destination__name">{d.name}</strong> <code className="break">{d.url}</code>
          <p className="field__help">
            {d.eventTypes.length ? d.eventTypes.join(', ') : 'every event'} · {d.signing === 'resign' ? 're-signed' : 'as received'}
            {d.ordered ? ' · in order' : ` · ${d.concurrency} at once`} · timeout {d.timeoutMs / 1000} s · retries {formatSchedule(d.retrySchedule)}
            {!d.enabled && ' · off'}
          </p>
          <p className="destination__counts" data-testid="destination-counts">
            <span data-testid="destination-held" className={d.counts.held ? 'destination__held' : undefined}>{d.counts.held} held</span> ·{' '}
            <span data-testid="destination-pending">{d.counts.pending} pending</span> ·{' '}
            <span data-testid="destination-failed" className={d.counts.failed ? 'field__error' : undefined}>{d.counts.failed} failed</span> ·{' '}
            <span data-testid="destination-delivered">{d.counts.delivered} delivered</span>
          </p>
        </div>
      </div>
      <div className="destination__actions" role="group" aria-label={`Actions for ${d.name}`}>
        <button type="button" className="btn btn--small" disabled={busy !== null} data-testid="test-destination" title="Sends one of the template's samples there now (not logged)" onClick={() => void run('test', () => test(d.id), setTested)}>
          {busy === 'test' ? 'Sending…' : 'Send a sample'}
        </button>
        {holding ? (
          <span className="destination__release">
            <button type="button" className="btn btn--small btn--primary" disabled={busy !== null} data-testid="resume-destination" onClick={() => void release()}>
              {d.paused ? 'Resume' : 'Release now'}
            </button>
            {d.counts.held > 0 && (
              <select className="select" aria-label="Release held events" value={rate} data-testid="release-rate" onChange={(e) => setRate(e.target.value)}>
                {RATES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </span>
        ) : (
          <button type="button" className="btn btn--small" disabled={busy !== null} data-testid="pause-destination" onClick={() => void run('pause', () => pause(d.id))}>
            Pause
          </button>
        )}
        {d.counts.failed > 0 && (
          <button type="button" className="btn btn--small" disabled={busy !== null} data-testid="retry-failed" onClick={() => void run('retry', () => retryFailed(d.id))}>
            Retry {d.counts.failed} failed
          </button>
        )}
        <button type="button" className="btn btn--small" data-testid="edit-destination" onClick={onEdit}>
          Edit
        </button>
        <ConfirmButton
          label="Delete"
          danger
          testId="delete-destination"
          question={`Delete ${d.name} and its deliveries? The events stay in the log.`}
          confirmLabel="Delete"
          onConfirm={() => run('delete', () => remove(d.id))}
        />
      </div>
      {tested && <TestOutcome result={tested} />}
      <ErrorNotice message={error} />
    </li>
  );
}
