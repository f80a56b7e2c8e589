import { useState } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EndpointPanel } from './EndpointPanel';
import { EndpointUrls } from './EndpointUrls';
import { SecretsEditor } from './SecretsEditor';
import { VerificationForm } from './VerificationForm';

/** One source in the current environment: its URL, switches, verification and secrets. */
export function SourceDetail({ source }: { source: Source }) {
  const currentEnv = useApp((s) => s.currentEnv);
  const envName = useApp((s) => s.environments.find((e) => e.key === s.currentEnv)?.name ?? s.currentEnv);
  const [error, setError] = useState<string | null>(null);
  const settings = source.settings.find((s) => s.environment === currentEnv);

  return (
    <div className="source-detail" data-testid="source-detail" data-source-key={source.key}>
      <header className="source-detail__header">
        <h1 className="source-detail__title">{source.name}</h1>
        <p className="muted">
          <code>{source.key}</code> · {source.templateId === 'custom' ? 'Custom source' : `Template ${source.templateId} v${source.templateVersion}`}
        </p>
      </header>
      <ErrorNotice message={error} />
      {settings && currentEnv ? (
        <>
          <section className="card" aria-labelledby="endpoint-heading">
            <h2 id="endpoint-heading" className="card__title">
              Endpoint in {envName}
            </h2>
            <EndpointPanel source={source} settings={settings} onError={setError} />
          </section>
          <section className="card" aria-labelledby="verification-heading">
            <h2 id="verification-heading" className="card__title">
              Verification in {envName}
            </h2>
            <VerificationForm source={source} settings={settings} onError={setError} />
            <SecretsEditor source={source} settings={settings} onError={setError} />
          </section>
        </>
      ) : (
        <p className="muted">This source has no settings for the environment “{envName}”.</p>
      )}
      <section className="card" aria-labelledby="all-urls-heading">
        <h2 id="all-urls-heading" className="card__title">
          URLs in every environment
        </h2>
        <EndpointUrls source={source} />
      </section>
    </div>
  );
}
