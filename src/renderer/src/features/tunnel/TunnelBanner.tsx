import { useApp } from '../../app/store-context';
import { endpointUrl } from '../../lib/format';

/** The public URL moved: every provider still posting to the old one must be re-pointed. */
export function TunnelBanner() {
  const change = useApp((s) => s.tunnelUrlChange);
  const sources = useApp((s) => s.sources);
  const environments = useApp((s) => s.environments);
  const dismiss = useApp((s) => s.dismissUrlChange);
  if (!change) return null;

  const envName = (key: string) => environments.find((e) => e.key === key)?.name ?? key;
  const affected = sources.filter((s) => s.settings.length > 0);
  return (
    <div className="tunnel-banner" role="alert" data-testid="tunnel-url-changed">
      <div className="tunnel-banner__text">
        <p className="tunnel-banner__title">
          The public URL changed: <code>{change.previousUrl}</code> → <code>{change.url}</code>
        </p>
        {affected.length === 0 ? (
          <p className="muted">No sources yet, so nothing to update.</p>
        ) : (
          <>
            <p>Update the webhook URL at each provider:</p>
            <ul className="tunnel-banner__list">
              {affected.map((source) => (
                <li key={source.id} data-testid="url-change-source">
                  <strong>{source.name}</strong>
                  <ul>
                    {source.settings.map((s) => (
                      <li key={s.environment}>
                        <span className="muted">{envName(s.environment)}:</span> <code className="break">{endpointUrl(change.previousUrl, s.endpointToken)}</code> →{' '}
                        <code className="break">{endpointUrl(change.url, s.endpointToken)}</code>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button type="button" className="btn btn--small" data-testid="dismiss-url-change" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
