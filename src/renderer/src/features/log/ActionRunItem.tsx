import type { ActionRun } from '../../../../shared/domain/event';
import type { PlanError } from '../../../../shared/domain/mapping';
import { ACTIONS } from '../../../../shared/domain/action';

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

/** One mapping executed for the event: resolved parameters, coercions, errors and result. */
export function ActionRunItem({ run }: { run: ActionRun }) {
  const params = Object.entries(run.params);
  return (
    <li className="run" data-testid="action-run" data-status={run.status}>
      <div className="run__head">
        <span className={`badge badge--run-${run.status}`}>{run.status}</span>
        <strong>{actionLabel(run.actionType)}</strong>
        <code className="muted">{run.actionType}</code>
      </div>
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
