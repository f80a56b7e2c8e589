import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { PublicUrl } from './PublicUrl';

/** A source's public URL in every environment (compact, for a list or a settings tab). */
export function SourcePublicUrls({ source }: { source: Source }) {
  const environments = useApp((s) => s.environments);
  const name = (key: string) => environments.find((e) => e.key === key)?.name ?? key;
  return (
    <dl className="public-urls">
      {source.settings.map((s) => (
        <div key={s.environment} className="public-urls__row">
          <dt>{name(s.environment)}</dt>
          <dd>
            <PublicUrl endpointToken={s.endpointToken} testId={`public-url-${s.environment}`} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
