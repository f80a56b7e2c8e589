import { useEffect, useState } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { EmptyState } from '../../components/EmptyState';
import { downloadText } from '../../lib/download';
import { presenceLabel, typesLabel } from './presence';
import { shapeKey, type ShapeFormat } from './shapes.slice';
import './shapes.css';

/** The fields learned from this source's traffic, per event type: paths, types, how often, examples. */
export function FieldsTab({ source }: { source: Source }) {
  const env = useApp((s) => s.currentEnv);
  const summaries = useApp((s) => s.shapeSummaries);
  const summariesFor = useApp((s) => s.shapeSummariesFor);
  const loadSummaries = useApp((s) => s.loadShapeSummaries);
  const loadShape = useApp((s) => s.loadShape);
  const exportShape = useApp((s) => s.exportShape);
  const [chosen, setChosen] = useState<string | null>(null);
  const current = env !== null && summariesFor === JSON.stringify([source.id, env]) ? summaries : [];
  const eventType = chosen !== null && current.some((s) => s.eventType === chosen) ? chosen : (current[0]?.eventType ?? null);
  const shape = useApp((s) => (env !== null && eventType !== null ? s.shapes[shapeKey(source.id, env, eventType)] : undefined));

  useEffect(() => {
    if (env) void loadSummaries(source.id, env);
  }, [source.id, env, loadSummaries]);
  useEffect(() => {
    if (env && eventType !== null) void loadShape(source.id, env, eventType);
  }, [source.id, env, eventType, loadShape]);

  if (env === null) return null;
  if (current.length === 0) {
    return (
      <EmptyState title="No fields learned yet" testId="fields-empty">
        Inlet learns the fields of each event type from the events this source receives in this environment.
      </EmptyState>
    );
  }
  const save = async (format: ShapeFormat) => {
    if (eventType === null) return;
    const text = await exportShape(source.id, env, eventType, format);
    downloadText(`${source.key}-${eventType || 'untyped'}.${format === 'json-schema' ? 'schema.json' : 'ts'}`, text, format === 'json-schema' ? 'application/schema+json' : 'text/plain');
  };

  return (
    <div className="fields-tab" data-testid="fields-tab">
      <div className="fields-tab__bar">
        <label className="field__label" htmlFor="fields-event-type">
          Event type
        </label>
        <select id="fields-event-type" className="input" value={eventType ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="fields-event-type">
          {current.map((s) => (
            <option key={s.eventType} value={s.eventType}>
              {s.eventType || '(no type)'} — {s.eventCount.toLocaleString('en-US')} events
            </option>
          ))}
        </select>
        <button type="button" className="btn btn--small" data-testid="export-json-schema" onClick={() => void save('json-schema')}>
          Export JSON Schema
        </button>
        <button type="button" className="btn btn--small" data-testid="export-typescript" onClick={() => void save('typescript')}>
          Export TypeScript type
        </button>
      </div>
      {shape?.truncated && <p className="notice notice--warn">More than {shape.fields.length.toLocaleString('en-US')} fields: fields first seen after that are not tracked.</p>}
      {shape && (
        <table className="table fields-table" data-testid="fields-table">
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Type</th>
              <th scope="col">Presence</th>
              <th scope="col">Examples</th>
            </tr>
          </thead>
          <tbody>
            {shape.fields.map((f) => (
              <tr key={f.path} data-testid="field-row" data-path={f.path}>
                <td>
                  <code>{f.path}</code>
                </td>
                <td>{typesLabel(f)}</td>
                <td>{presenceLabel(f, shape.eventCount)}</td>
                <td className="fields-table__examples">{f.examples.map((e) => JSON.stringify(e)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
