import { useMemo } from 'react';
import type { EventDetail } from '../../../../shared/domain/event';
import { formatBytes } from '../../lib/format';
import { requestDiff, type ValueChange } from './request-diff';
import './replay.css';

function Changes({ changes, testId }: { changes: readonly ValueChange[]; testId: string }) {
  return (
    <table className="table table--compact request-diff__table" data-testid={testId}>
      <tbody>
        {changes.map((c) => (
          <tr key={c.name} data-name={c.name}>
            <th scope="row">{c.name}</th>
            <td className={c.before === null ? 'muted' : 'request-diff__before'} data-side="original">
              {c.before ?? 'absent'}
            </td>
            <td className={c.after === null ? 'muted' : 'request-diff__after'} data-side="replay">
              {c.after ?? 'absent'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the replay sent differently from its original: body (by JSON path, else by line), headers and query. */
export function RequestDiffView({ original, replay }: { original: EventDetail; replay: EventDetail }) {
  const diff = useMemo(() => requestDiff(original, replay), [original, replay]);
  if (diff.same) {
    return (
      <p className="muted request-diff" data-testid="request-diff" data-same="true">
        The replay sent the same request as the original.
      </p>
    );
  }
  const { body } = diff;
  return (
    <div className="request-diff" data-testid="request-diff" data-same="false">
      {body.kind === 'json' && (
        <>
          <h4>Body{body.truncated ? ' (first changes)' : ''}</h4>
          <Changes changes={body.changes} testId="request-diff-body" />
        </>
      )}
      {body.kind === 'lines' && (
        <>
          <h4>Body</h4>
          <pre className="request-diff__lines" data-testid="request-diff-body">
            {body.lines.map((l, i) => (
              <div key={i} className={`request-diff__line--${l.op}`}>
                {l.op === 'add' ? '+ ' : l.op === 'del' ? '- ' : '  '}
                {l.text}
              </div>
            ))}
          </pre>
        </>
      )}
      {body.kind === 'other' && (
        <p data-testid="request-diff-body">
          The body differs ({formatBytes(body.beforeBytes)} → {formatBytes(body.afterBytes)}).
        </p>
      )}
      {diff.query && (
        <>
          <h4>Query</h4>
          <Changes changes={[diff.query]} testId="request-diff-query" />
        </>
      )}
      {diff.headers.length > 0 && (
        <>
          <h4>Headers</h4>
          <Changes changes={diff.headers} testId="request-diff-headers" />
        </>
      )}
    </div>
  );
}
