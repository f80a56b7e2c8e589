import { lazy, Suspense } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../app/store-context';
import { SendTestEventButton } from '../templates/SendTestEventButton';
import { SourceLogo } from './SourceLogo';
import { FieldsTab } from '../shapes/FieldsTab';
import { FixturesTab } from '../fixtures/FixturesTab';
import { SourceLogsTab } from './SourceLogsTab';
import { ForwardingTab } from '../destinations/ForwardingTab';
import { SourceSettingsTab } from './SourceSettingsTab';
import { SourceTabs } from './SourceTabs';
import { LoadingState } from '../../components/LoadingState';
import './sources.css';

// The mapping editor (and its expression tooling) loads when the Mappings tab is first shown.
const MappingsTab = lazy(() => import('../mappings/MappingsTab').then((m) => ({ default: m.MappingsTab })));

/** One source: header, then Mappings | Fields | Logs | Settings. */
export function SourcePage({ source }: { source: Source }) {
  const tab = useApp((s) => s.sourceTab);
  const brand = useApp((s) => s.templateBrands[source.templateId]);
  const mapped = useApp(useShallow((s) => (s.mappingsSourceId === source.id ? s.mappings.map((m) => m.eventType) : [])));

  return (
    <div className="source-page" data-testid="source-detail" data-source-key={source.key}>
      <header className="source-page__header">
        <SourceLogo source={source} size={36} />
        <div className="source-page__titles">
          <h1 className="source-page__title">{source.name}</h1>
          <p className="muted source-page__sub">
            <code>{source.key}</code> · {brand ? `${brand.name} template v${source.templateVersion}` : 'Custom source'}
          </p>
        </div>
        {brand && (
          <div className="source-page__send">
            <SendTestEventButton sourceId={source.id} mappedEventTypes={mapped} />
          </div>
        )}
        <SourceTabs />
      </header>
      <div className="source-page__panel" role="tabpanel" id={`source-panel-${tab}`} aria-labelledby={`source-tab-${tab}`} data-testid={`source-panel-${tab}`}>
        {tab === 'mappings' && (
          <Suspense fallback={<LoadingState label="Loading the mapping editor…" />}>
            <MappingsTab source={source} />
          </Suspense>
        )}
        {tab === 'fields' && <FieldsTab source={source} />}
        {tab === 'fixtures' && <FixturesTab source={source} />}
        {tab === 'logs' && <SourceLogsTab source={source} />}
        {tab === 'forwarding' && <ForwardingTab source={source} />}
        {tab === 'settings' && <SourceSettingsTab source={source} />}
      </div>
    </div>
  );
}
