import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { CopyButton } from '../../components/CopyButton';
import { endpointUrl } from '../../lib/format';

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
                {env.name}
                {!settings.enabled && <span className="tag">disabled</span>}
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
