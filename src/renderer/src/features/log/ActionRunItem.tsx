import { useState } from 'react';
import type { ActionRun } from '../../../../shared/domain/event';
import type { PlanError } from '../../../../shared/domain/mapping';
import { ACTIONS } from '../../../../shared/domain/action';
import { useApp } from '../../app/store-context';
import { adviseRun, type RunFix } from './action-run-advice';

const actionLabel = (type: ActionRun['actionType']): string => ACTIONS[type].label;

const json = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, null, 2) ?? 'undefined');

/** The facts an error carries beyond its message: where it happened and what to try. */
function errorFacts(e: PlanError): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  if (e.param) facts.push(['param', e.param]);
  if ('path' in e && e.path) facts.push(['path', e.path]);
  if (e.code === 'invalid_path') facts.push(['resolved up to', e.longestPrefix || '(nothing)'], ['missing at', e.missingAt]);
  if (e.code === 'type_mismatch') facts.push(['expected', e.expected], ['got', e.got]);
  if (e.code === 'limit_exceeded') facts.push(['limit', String(e.limit)], ['actual', String(e.actual)]);
  if (e.code === 'invalid_expression') facts.push(['at character', String(e.offset)]);
  if (e.code === 'not_found') facts.push([e.what, e.key]);
  return facts;
}

/** A suggested fix; a missing workflow can be created from here when the event is in the current environment. */
function FixItem({ fix, environment }: { fix: RunFix; environment: string | null }) {
  const currentEnv = useApp((s) => s.currentEnv);
  const create = useApp((s) => s.createWorkspaceWorkflow);
  const [state, setState] = useState<'idle' | 'busy' | 'done' | string>('idle');
  const canCreate = fix.workflow !== undefined && environment !== null && environment === currentEnv;
  return (
    <li data-testid="run-fix">
      {fix.text}{' '}
      {canCreate && state !== 'done' && (
        <button
          type="button"
          className="btn btn--small"
          disabled={state === 'busy'}
          data-testid="run-fix-create-workflow"
          onClick={async () => {
            setState('busy');
            setState((await create(fix.workflow!)) ?? 'done');
          }}
        >
          Create workflow {fix.workflow}
        </button>
      )}
      {state === 'done' && <span className="muted" role="status">Created; replay this event to run it.</span>}
      {state !== 'idle' && state !== 'busy' && state !== 'done' && <span className="field__error">{state}</span>}
    </li>
  );
}

/** One mapping executed for the event: why it skipped or failed, what to do, parameters and result. */
export function ActionRunItem({ run, sourceId, environment }: { run: ActionRun; sourceId: string | null; environment: string | null }) {
  const openMapping = useApp((s) => s.openMapping);
  const params = Object.entries(run.params);
  const advice = adviseRun(run);
  return (
    <li className="run" data-testid="action-run" data-status={run.status}>
      <div className="run__head">
        <span className={`badge badge--run-${run.status}`}>{run.status}</span>
        <strong>{actionLabel(run.actionType)}</strong>
        <code className="muted">{run.actionType}</code>
        {advice.reason && (
          <span className="run__reason" data-testid="run-reason">
            {advice.reason}
          </span>
        )}
        {sourceId !== null && (
          <button type="button" className="link run__mapping" data-testid="run-mapping-link" onClick={() => openMapping(sourceId, run.mappingId)}>
            Open mapping
          </button>
        )}
      </div>
      {advice.fixes.length > 0 && (
        <ul className="run__fixes" aria-label="Suggested fix">
          {advice.fixes.map((f) => (
            <FixItem key={f.text} fix={f} environment={environment} />
          ))}
        </ul>
      )}
      {run.errors.length > 0 && (
        <ul className="run__errors">
          {run.errors.map((e, i) => (
            <li key={i} data-testid="action-error" data-code={e.code}>
              <code className="run__code">{e.code}</code> {e.message}
              {errorFacts(e).length > 0 && (
                <span className="run__facts">
                  {errorFacts(e).map(([k, v]) => (
                    <span key={k}>
                      {k} <code>{v}</code>
                    </span>
                  ))}
                </span>
              )}
              {e.code === 'not_found' && e.hint && <span className="run__hint">Hint: {e.hint}</span>}
            </li>
          ))}
        </ul>
      )}
      {params.length > 0 && (
        <table className="table table--compact run__params" aria-label="Resolved parameters">
          <tbody>
            {params.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="table__key">{name}</th>
                <td>
                  <pre className="run__value">{json(value)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {run.coercions.length > 0 && (
        <ul className="run__coercions" aria-label="Coercions">
          {run.coercions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {run.result && (
        <details className="run__result">
          <summary>Result</summary>
          <pre className="code">{json(run.result)}</pre>
        </details>
      )}
    </li>
  );
}
