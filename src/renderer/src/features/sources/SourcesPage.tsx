import { useApp } from '../../app/store-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NewSourceForm } from './NewSourceForm';
import { SourceList } from './SourceList';
import { SourcePage } from './SourcePage';
import './sources.css';

export function SourcesPage() {
  const sources = useApp((s) => s.sources);
  const sourcesError = useApp((s) => s.sourcesError);
  const loadSources = useApp((s) => s.loadSources);
  const selected = useApp((s) => s.sources.find((x) => x.id === s.selectedSourceId) ?? null);
  const creating = useApp((s) => s.sourceCreating);
  const setCreating = useApp((s) => s.setSourceCreating);
  // Every new source starts in the gallery, where Custom is one card among the templates.
  const setView = useApp((s) => s.setView);
  const openGallery = () => setView('gallery');

  return (
    <div className="page page--split">
      <aside className="sidebar" aria-label="Sources">
        <div className="sidebar__header">
          <h1 className="sidebar__title">Sources</h1>
          <button type="button" className="btn btn--primary btn--small" data-testid="new-source" onClick={openGallery}>
            New source
          </button>
        </div>
        <ErrorNotice message={sourcesError} onRetry={() => void loadSources()} />
        <SourceList />
      </aside>
      <section className={`content${!creating && selected ? ' content--flush' : ''}`} aria-label="Source">
        {creating ? (
          <NewSourceForm onDone={() => setCreating(false)} />
        ) : selected ? (
          <SourcePage source={selected} />
        ) : (
          <EmptyState title={sources.length === 0 ? 'No sources yet' : 'Pick a source'} testId="sources-empty">
            {sources.length === 0 && (
              <>
                <p>A source is a service that sends you webhooks, such as Stripe. Each gets its own URL per environment.</p>
                <button type="button" className="btn btn--primary" data-testid="create-first-source" onClick={openGallery}>
                  Create your first source
                </button>
              </>
            )}
          </EmptyState>
        )}
      </section>
    </div>
  );
}
