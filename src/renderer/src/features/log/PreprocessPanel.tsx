import type { EventDetail } from '../../../../shared/domain/event';

/** What the preprocess script returned for this event (readable as `preprocess.*` in mappings), or why it failed. */
export function PreprocessPanel({ output }: { output: NonNullable<EventDetail['preprocessOutput']> }) {
  return (
    <section className="detail__section preprocess" data-testid="preprocess-output" data-ok={output.ok}>
      <h3>
        Preprocess script <span className="muted">({output.durationMs} ms)</span>
      </h3>
      {output.ok ? (
        <>
          {output.verified !== undefined && (
            <p className="preprocess__verified">
              Returned <code>verified: {String(output.verified)}</code>
            </p>
          )}
          {output.extra && Object.keys(output.extra).length > 0 ? (
            <pre className="code preprocess__extra" data-testid="preprocess-extra">
              {JSON.stringify(output.extra, null, 2)}
            </pre>
          ) : (
            <p className="muted">No extra values.</p>
          )}
        </>
      ) : (
        <p className="notice notice--error" data-testid="preprocess-error">
          {output.error?.kind ?? 'Error'}: {output.error?.message ?? 'the script failed'}
          {output.error?.line !== undefined && ` (line ${output.error.line})`}
        </p>
      )}
      {output.logs.length > 0 && (
        <details className="preprocess__logs">
          <summary>Console ({output.logs.length})</summary>
          <pre className="code">{output.logs.join('\n')}</pre>
        </details>
      )}
    </section>
  );
}
