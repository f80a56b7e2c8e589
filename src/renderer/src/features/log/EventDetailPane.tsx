import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { formatBytes, formatDateTime } from '../../lib/format';
import { ActionRunsPanel } from './ActionRunsPanel';
import { BodyView } from './BodyView';
import { CurlPanel } from './CurlPanel';
import { HeadersTable } from './HeadersTable';
import { ExportEventButton } from './ExportEventButton';
import { OriginBadge } from './OriginBadge';
import { replayTooltip } from './replay-mode';
import { RedactedBadge } from './RedactedBadge';
import { ReplayModeTag } from './ReplayModeTag';
import { PreprocessPanel } from './PreprocessPanel';
import { ReplayComparison } from './ReplayComparison';
import { ReplayPanel } from './ReplayPanel';
import { SaveFixtureButton } from '../fixtures/SaveFixtureButton';
import { StatusCode } from './StatusCode';
import { VerificationPanel } from './VerificationPanel';
import { DeliveriesPanel } from '../destinations/DeliveriesPanel';
import './detail-tools.css';

export function EventDetailPane({ sourceNames }: { sourceNames: ReadonlyMap<string, string> }) {
  const detail = useApp((s) => s.detail);
  const status = useApp((s) => s.detailStatus);
  const error = useApp((s) => s.detailError);
  const deferred = useApp((s) => (s.detailBody !== null && s.detailBody.eventId === s.detail?.id ? s.detailBody : null));
  // Commands that copy, edit or compare the body wait while a large one is still arriving.
  const bodyWhole = deferred === null || deferred.complete;
  const closeEvent = useApp((s) => s.closeEvent);
  const secrets = useApp((s) => s.sources.find((x) => x.id === s.detail?.sourceId)?.settings.find((x) => x.environment === s.detail?.environment)?.secrets);

  // Focus stays in (or returns to) the list, so ↑/↓ and Enter keep browsing.
  const close = () => {
    closeEvent();
    document.querySelector<HTMLElement>('[data-testid="event-list"]')?.focus();
  };

  return (
    <aside className="detail" aria-label="Event detail" data-testid="event-detail" data-event-id={detail?.id}>
      <header className="detail__header">
        <div className="detail__heading">
          <h2 className="detail__title" data-testid="detail-event-type">
            {detail ? (detail.eventType ?? 'Event without a type') : 'Event'}
          </h2>
          {detail && (
            <span className="detail__sub">
              #{detail.id} <OriginBadge origin={detail.origin} always title={replayTooltip(detail)} />
              <ReplayModeTag mode={detail.replayMode} edited={detail.edited} />
              {detail.redacted && <RedactedBadge />}
            </span>
          )}
        </div>
        <span className="detail__actions">
          {detail && status === 'idle' && bodyWhole && <ExportEventButton detail={detail} />}
          <button type="button" className="btn btn--small btn--ghost" aria-label="Close detail (Esc)" onClick={close}>
            Close <kbd>Esc</kbd>
          </button>
        </span>
      </header>
      {status === 'loading' && <LoadingState label="Loading event…" />}
      <ErrorNotice message={error} />
      {detail && status === 'idle' && (
        <div className="detail__body">
          <dl className="facts">
            <dt>Request</dt>
            <dd>
              <code data-testid="detail-request-line">
                {detail.method} {detail.path}
                {detail.query ? `?${detail.query}` : ''}
              </code>
            </dd>
            <dt>Received</dt>
            <dd>{formatDateTime(detail.receivedAt)}</dd>
            <dt>Source</dt>
            <dd>{detail.sourceId ? (sourceNames.get(detail.sourceId) ?? 'deleted source') : 'unknown endpoint'}</dd>
            <dt>Answered</dt>
            <dd>
              <StatusCode status={detail.responseStatus} />
              {detail.error && <span className="facts__note"> {detail.error}</span>}
            </dd>
            <dt>From</dt>
            <dd>{detail.remoteAddress ?? 'unknown'}</dd>
          </dl>
          <fieldset className="detail-tools" disabled={!bodyWhole} aria-busy={!bodyWhole}>
            <CurlPanel detail={detail} />
          </fieldset>
          {detail.replayOf !== null && bodyWhole && <ReplayComparison replay={{ ...detail, replayOf: detail.replayOf }} />}
          <VerificationPanel result={detail.verificationResult} secrets={secrets ?? []} />
          {detail.preprocessOutput && <PreprocessPanel output={detail.preprocessOutput} />}
          <ActionRunsPanel detail={detail} />
          <DeliveriesPanel eventId={detail.id} />
          {detail.sourceId !== null && (
            <fieldset className="detail-tools" disabled={!bodyWhole} aria-busy={!bodyWhole}>
              <ReplayPanel detail={detail} />
            </fieldset>
          )}
          {detail.sourceId !== null && <SaveFixtureButton eventId={detail.id} eventType={detail.eventType} />}
          <section className="detail__section">
            <h3>Headers</h3>
            <HeadersTable headers={detail.headers} />
          </section>
          <section className="detail__section">
            <h3>
              Body <span className="muted">({formatBytes(detail.bodySize)}{detail.contentType ? `, ${detail.contentType}` : ''})</span>
            </h3>
            {detail.parseError && (
              <p className="notice notice--warn" data-testid="parse-error">
                Could not parse the body: {detail.parseError}
              </p>
            )}
            <BodyView
              bodyText={detail.bodyText}
              bodyBase64={detail.bodyBase64}
              contentType={detail.contentType}
              fileName={`inlet-event-${detail.id}-body`}
              deferred={deferred}
            />
          </section>
        </div>
      )}
    </aside>
  );
}
