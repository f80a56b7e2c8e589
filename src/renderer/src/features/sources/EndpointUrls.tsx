import type { Source, SourceEnvSettings } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { CopyButton } from '../../components/CopyButton';
import { endpointUrl } from '../../lib/format';
import { ENFORCEMENT_OFF_WARNING, enforcementState } from './enforcement';
import { EnvDot } from '../environments/EnvDot';

/** Whether failed verification is refused in one environment; off despite a secret is a warning. */
function EnforcementTag({ settings }: { settings: SourceEnvSettings }) {
  const state = enforcementState(settings);
  const testId = `enforcement-${settings.environment}`;
  if (state === 'enforced') return <span className="tag tag--ok" data-testid={testId} data-state={state}>verification enforced</span>;
  if (state === 'off') return <span className="tag" data-testid={testId} data-state={state}>not enforced</span>;
  return (
    <span className="tag tag--warn" data-testid={testId} data-state={state} title={ENFORCEMENT_OFF_WARNING}>
      not enforced, secret set
    </span>
  );
}

/** Every environment's URL at once, so the right one can be pasted into each provider. */
export function EndpointUrls({ source }: { source: Source }) {
  const receiverUrl = useApp((s) => s.info?.receiverUrl ?? '');
  const environments = useApp((s) => s.environments);

  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Environment</th>
          <th scope="col">URL</th>
          <th scope="col">
            <span className="visually-hidden">Copy</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {environments.map((env) => {
          const settings = source.settings.find((s) => s.environment === env.key);
          if (!settings) return null;
          const url = endpointUrl(receiverUrl, settings.endpointToken);
          return (
            <tr key={env.key}>
              <td>
                <EnvDot env={env.key} />
                {env.name}
                {!settings.enabled && <span className="tag">disabled</span>}
                <EnforcementTag settings={settings} />
              </td>
              <td>
                <code className="break" data-testid={`endpoint-url-${env.key}`}>
                  {url}
                </code>
              </td>
              <td className="table__actions">
                <CopyButton text={url} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
