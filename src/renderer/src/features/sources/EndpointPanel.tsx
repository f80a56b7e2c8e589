import type { Source, SourceEnvSettings } from '../../../../shared/domain/source';
import type { ApiResult } from '../../../../shared/api/result';
import { useApp } from '../../app/store-context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyButton } from '../../components/CopyButton';
import { Toggle } from '../../components/Toggle';
import { endpointUrl } from '../../lib/format';
import { ENFORCEMENT_OFF_WARNING, enforcementState } from './enforcement';
import { PublicUrl } from './PublicUrl';
import { errorText } from '../../lib/errors';

interface Props {
  source: Source;
  settings: SourceEnvSettings;
  onError(message: string | null): void;
}

export function EndpointPanel({ source, settings, onError }: Props) {
  const receiverUrl = useApp((s) => s.info?.receiverUrl ?? '');
  const patch = useApp((s) => s.patchEnvSettings);
  const rotateToken = useApp((s) => s.rotateToken);
  const url = endpointUrl(receiverUrl, settings.endpointToken);
  const env = settings.environment;

  const report = (r: ApiResult<unknown>) => onError(errorText(r));

  return (
    <div className="endpoint">
      <div className="url-row">
        <span className="url-row__kind">Local</span>
        <code className="url-row__url" data-testid="endpoint-url" data-environment={env}>
          {url}
        </code>
        <CopyButton text={url} label="Copy" testId="copy-endpoint-url" />
      </div>
      <PublicUrl endpointToken={settings.endpointToken} environment={env} />
      <div className="endpoint__switches">
        <Toggle
          label="Enabled"
          description={settings.enabled ? 'Requests to this URL are accepted.' : 'Requests are logged and answered 403.'}
          checked={settings.enabled}
          testId="toggle-enabled"
          onChange={(enabled) => patch(source.id, env, { enabled }).then(report)}
        />
        <Toggle
          label="Enforce verification"
          description={
            settings.enforceVerification
              ? 'Requests that fail verification are answered 401 (still logged).'
              : 'Failed verification is logged, but the request is accepted.'
          }
          checked={settings.enforceVerification}
          testId="toggle-enforce"
          onChange={(enforceVerification) => patch(source.id, env, { enforceVerification }).then(report)}
        />
      </div>
      {enforcementState(settings) === 'off_with_secret' && (
        <p className="notice notice--warn" role="alert" data-testid="enforcement-warning">
          {ENFORCEMENT_OFF_WARNING}
        </p>
      )}
      <ConfirmButton
        label="Rotate URL token"
        question="The current URL stops working at once. Rotate?"
        confirmLabel="Rotate token"
        danger
        testId="rotate-token"
        onConfirm={() => rotateToken({ id: source.id, environment: env }).then(report)}
      />
    </div>
  );
}
