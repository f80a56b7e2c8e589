import { useMemo } from 'react';
import { useApp } from '../../app/store-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { formatTime } from '../../lib/format';
import { sampleRefsFor, type SampleRef } from './mapping-samples.slice';
import { PayloadTree } from './PayloadTree';
import type { Fixture } from '../../../../shared/domain/fixture';

const NO_FIXTURES: Fixture[] = [];

const refLabel = (r: SampleRef): string =>
  r.kind === 'event' ? `#${r.event.id} · ${r.event.eventType ?? ''} · ${formatTime(r.event.receivedAt)}` : r.kind === 'fixture' ? `Fixture · ${r.fixture.name}` : `Template sample · ${r.sample.label}`;
const refKey = (r: SampleRef): string => (r.kind === 'event' ? `e${r.event.id}` : r.kind === 'fixture' ? `f${r.fixture.id}` : `t${r.sample.id}`);

/** The sample payload column: pick a captured event or a template sample, step with ‹ ›. */
export function SamplePanel() {
  const pattern = useApp((s) => s.draft?.eventType ?? '');
  const events = useApp((s) => s.recentSourceEvents);
  const template = useApp((s) => s.sourceTemplate);
  const index = useApp((s) => s.sampleIndex);
  const sample = useApp((s) => s.sample);
  const status = useApp((s) => s.sampleStatus);
  const error = useApp((s) => s.sampleError);
  const step = useApp((s) => s.stepSample);
  const focused = useApp((s) => s.focusedParam);
  const fixtures = useApp((s) => (s.fixturesSourceId === s.mappingsSourceId ? s.fixtures : NO_FIXTURES));
  const refs = useMemo(() => sampleRefsFor(pattern, events, template, fixtures), [pattern, events, template, fixtures]);

  return (
    <aside className="mappings__sample" aria-label="Sample payload" data-testid="sample-panel">
      <header className="column-head">
        <h2 className="column-head__title">Sample</h2>
        <div className="stepper">
          <button type="button" className="btn btn--small btn--ghost" aria-label="Previous sample" disabled={refs.length < 2} data-testid="sample-prev" onClick={() => void step(-1)}>
            ‹
          </button>
          <span className="stepper__count" data-testid="sample-count">
            {refs.length ? `${Math.min(index + 1, refs.length)} of ${refs.length}` : '0'}
          </span>
          <button type="button" className="btn btn--small btn--ghost" aria-label="Next sample" disabled={refs.length < 2} data-testid="sample-next" onClick={() => void step(1)}>
            ›
          </button>
        </div>
      </header>
      {refs.length > 0 && (
        <select
          className="select sample-picker"
          aria-label="Sample"
          value={index}
          data-testid="sample-picker"
          onChange={(e) => void step(Number(e.target.value) - index)}
        >
          {refs.map((r, i) => (
            <option key={refKey(r)} value={i}>
              {refLabel(r)}
            </option>
          ))}
        </select>
      )}
      <p className="sample-hint" data-testid="sample-hint">
        {focused ? (
          <>
            Click a value to fill <code>{focused}</code>
          </>
        ) : (
          'Focus a parameter, then click a value.'
        )}
      </p>
      <ErrorNotice message={error} />
      {status === 'loading' && !sample ? (
        <LoadingState label="Loading sample…" />
      ) : sample && refs.length > 0 ? (
        <PayloadTree key={sample.key} ctx={sample.ctx} raw={sample.raw} />
      ) : (
        <EmptyState title="No sample yet" testId="sample-empty">
          <p>{pattern ? `No captured “${pattern}” event yet. Send one to this source’s URL, or use Send test event.` : 'Choose an event type to see a sample.'}</p>
        </EmptyState>
      )}
    </aside>
  );
}
