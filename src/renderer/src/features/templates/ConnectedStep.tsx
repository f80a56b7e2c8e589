import type { Template } from '../../../../shared/domain/template';
import { useApp } from '../../app/store-context';
import { CopyButton } from '../../components/CopyButton';
import { endpointUrl } from '../../lib/format';
import type { Connected } from './ConnectDialog';
import { SendTestEventMenu } from './SendTestEventMenu';

/** After connecting: where to point the provider, and its samples to try the mappings at once. */
export function ConnectedStep({ template, connected }: { template: Template; connected: Connected }) {
  const { source, warnings, mappedEventTypes } = connected;
  const receiverUrl = useApp((s) => s.info?.receiverUrl ?? '');
  const currentEnv = useApp((s) => s.currentEnv);
  const envName = useApp((s) => s.environments.find((e) => e.key === s.currentEnv)?.name ?? '');
  const closeConnect = useApp((s) => s.closeConnect);
  const setView = useApp((s) => s.setView);
  const selectSource = useApp((s) => s.selectSource);
  const settings = source.settings.find((s) => s.environment === currentEnv);
  const url = settings ? endpointUrl(receiverUrl, settings.endpointToken) : null;
  const hasSecret = (settings?.secrets.length ?? 0) > 0 || (settings?.vars.some((v) => v.name === template.secretVar?.name && v.preview !== '') ?? false);

  const openSource = () => {
    selectSource(source.id);
    setView('sources');
    closeConnect();
  };

  return (
    <>
      <div className="modal__body connect" data-testid="connected-step" data-source-id={source.id}>
        <p>
          <strong>{source.name}</strong> is listed under Sources as <code>{source.key}</code>, with {mappedEventTypes.length} mapping
          {mappedEventTypes.length === 1 ? '' : 's'} active in every environment.
        </p>
        {warnings.map((w) => (
          <p key={w} className="notice notice--warn">
            {w}
          </p>
        ))}
        {url && (
          <section className="connect__section">
            <h3 className="connect__heading">{envName} endpoint</h3>
            <div className="url-row">
              <code className="url-row__url" data-testid="connected-url">
                {url}
              </code>
              <CopyButton text={url} />
            </div>
            <p className="field__help">Paste it into {template.name}’s webhook settings, or start the tunnel for a public URL.</p>
          </section>
        )}
        <section className="connect__section" aria-labelledby="connected-try">
          <h3 id="connected-try" className="connect__heading">
            Try it with a sample
          </h3>
          {!hasSecret && template.secretRequired && (
            <p className="notice notice--warn">No {envName} secret yet: test events are signed with the environment’s secret, so add one in the source’s settings first.</p>
          )}
          <SendTestEventMenu sourceId={source.id} mappedEventTypes={mappedEventTypes} onNavigate={closeConnect} />
        </section>
      </div>
      <footer className="modal__footer">
        <span className="modal__footer-note" />
        <button type="button" className="btn" onClick={closeConnect}>
          Done
        </button>
        <button type="button" className="btn btn--primary" data-testid="open-source" autoFocus onClick={openSource}>
          Open {source.name}
        </button>
      </footer>
    </>
  );
}
