import { useEffect, useState } from 'react';
import type { Source } from '../../../../shared/domain/source';
import type { Template } from '../../../../shared/domain/template';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { describeError } from '../../lib/errors';
import { ConnectedStep } from './ConnectedStep';
import { ConnectForm } from './ConnectForm';
import { CATEGORY_LABEL } from './gallery-filter';
import { Modal } from '../../components/Modal';
import { TemplateLogo } from './TemplateLogo';

export interface Connected {
  source: Source;
  warnings: string[];
  /** Event types of the mappings the user kept: their samples are the ones worth sending first. */
  mappedEventTypes: string[];
}

/** Connects a template as a new source, then offers its samples as test events. */
export function ConnectDialog({ templateId }: { templateId: string }) {
  const cached = useApp((s) => s.templateDetails[templateId] ?? null);
  const summary = useApp((s) => s.templates.find((t) => t.id === templateId) ?? null);
  const loadTemplate = useApp((s) => s.loadTemplate);
  const closeConnect = useApp((s) => s.closeConnect);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [connected, setConnected] = useState<Connected | null>(null);
  const template: Template | null = cached;

  useEffect(() => {
    if (cached) return;
    loadTemplate(templateId).catch((error: unknown) => setLoadError(describeError(error)));
  }, [cached, templateId, loadTemplate]);

  const name = template?.name ?? summary?.name ?? 'Integration';
  const branding = template?.branding ?? summary?.branding;
  const category = template?.category ?? summary?.category;

  return (
    <Modal
      testId="connect-dialog"
      onClose={closeConnect}
      title={
        <span className="connect__title">
          {branding && <TemplateLogo svg={branding.logoSvg} color={branding.color} size={32} />}
          {connected ? `${name} is connected` : `Connect ${name}`}
        </span>
      }
      subtitle={category && !connected ? CATEGORY_LABEL[category] : undefined}
    >
      {!template && !loadError && (
        <div className="modal__body">
          <LoadingState label={`Loading ${name}…`} />
        </div>
      )}
      {loadError && (
        <div className="modal__body">
          <ErrorNotice title={`${name} could not be loaded`} message={loadError} />
        </div>
      )}
      {template && !connected && <ConnectForm template={template} onConnected={setConnected} onCancel={closeConnect} />}
      {template && connected && <ConnectedStep template={template} connected={connected} />}
    </Modal>
  );
}
