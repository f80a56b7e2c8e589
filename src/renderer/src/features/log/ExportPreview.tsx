import { useApp } from '../../app/store-context';

const MAX_CHANGES = 50;

/** The file's header and first items as they will be saved, each with the values it replaces. */
export function ExportPreview() {
  const preview = useApp((s) => s.exportPreview);
  const redact = useApp((s) => s.exportSettings.redact);
  const value = preview.value;

  return (
    <section className="export-preview" aria-label="Preview" aria-busy={preview.status === 'loading'} data-testid="export-preview">
      <h3 className="export-preview__title">
        Preview{' '}
        {value && (
          <span className="muted" data-testid="export-preview-total">
            {value.items.length} of {value.total.toLocaleString()}
            {value.capped ? '+' : ''} event(s)
          </span>
        )}
      </h3>
      {preview.error && (
        <p className="field__error" role="alert">
          {preview.error}
        </p>
      )}
      {preview.status === 'loading' && !value && <p className="muted">Reading the first events…</p>}
      {value && value.items.length === 0 && <p className="muted">No events match the log's filter.</p>}
      {value?.items.map((item) => (
        <article key={item.id} className="export-preview__item" data-testid="export-preview-item">
          <h4 className="export-preview__event">
            #{item.id} {item.eventType ?? 'untyped'}{' '}
            <span className="muted">{redact ? `${item.changes.length} change(s)` : 'as logged'}</span>
          </h4>
          {item.changes.length > 0 && (
            <table className="export-preview__changes" data-testid="export-preview-changes">
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Found by</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {item.changes.slice(0, MAX_CHANGES).map((c, i) => (
                  <tr key={i} data-testid="export-preview-change">
                    <td>
                      <code>{c.where}</code>
                    </td>
                    <td>{c.kind}</td>
                    <td>
                      <del>{c.before}</del>
                    </td>
                    <td>
                      <ins>{c.after}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {item.changes.length > MAX_CHANGES && <p className="muted">…and {item.changes.length - MAX_CHANGES} more.</p>}
          <details>
            <summary>As written to the file</summary>
            <pre className="code" data-testid="export-preview-text">
              {item.text}
            </pre>
          </details>
        </article>
      ))}
    </section>
  );
}
