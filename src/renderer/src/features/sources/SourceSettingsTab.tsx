import { useState } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EndpointPanel } from './EndpointPanel';
import { EndpointUrls } from './EndpointUrls';
import { ScriptVars } from './ScriptVars';
import { SecretsEditor } from './SecretsEditor';
import { SettingsDraftForm } from './SettingsDraftForm';
import { VerificationForm } from './VerificationForm';

/** The source's settings in the current environment; switches save at once, the form on Save. */
export function SourceSettingsTab({ source }: { source: Source }) {
  const currentEnv = useApp((s) => s.currentEnv);
  const envName = useApp((s) => s.environments.find((e) => e.key === s.currentEnv)?.name ?? s.currentEnv);
  const [error, setError] = useState<string | null>(null);
  const settings = source.settings.find((s) => s.environment === currentEnv);

  if (!settings) return <p className="muted settings-tab">This source has no settings for the environment “{envName}”.</p>;
  return (
    <div className="settings-tab">
      <ErrorNotice message={error} />
      <div className="settings-tab__grid">
        <section className="card" aria-labelledby="endpoint-heading">
          <h2 id="endpoint-heading" className="card__title">Endpoint in {envName}</h2>
          <EndpointPanel source={source} settings={settings} onError={setError} />
        </section>
        <section className="card" aria-labelledby="verification-heading">
          <h2 id="verification-heading" className="card__title">Verification in {envName}</h2>
          <VerificationForm source={source} settings={settings} onError={setError} />
          <SecretsEditor source={source} settings={settings} onError={setError} />
        </section>
      </div>
      {/* Approving an imported script changes what "saved" is; the form starts again from it. */}
      <SettingsDraftForm key={`${source.id}:${settings.environment}:${settings.preprocess?.approved === false ? 'awaiting' : 'ok'}`} source={source} settings={settings} />
      <ScriptVars source={source} settings={settings} />
      <section className="card" aria-labelledby="all-urls-heading">
        <h2 id="all-urls-heading" className="card__title">Local URLs in every environment</h2>
        <EndpointUrls source={source} />
      </section>
    </div>
  );
}
