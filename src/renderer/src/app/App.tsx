import { lazy, Suspense, type ComponentType } from 'react';
import { useApp } from './store-context';
import { Frame } from './Frame';
import { SourcesPage } from '../features/sources/SourcesPage';
import { LogPage } from '../features/log/LogPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { View } from './app.slice';
// Lazy pages' styles stay in the main stylesheet, before the global one as they always were, so
// the cascade does not depend on which page was opened first.
import '../features/templates/templates.css';
import '../features/workspace/workspace.css';
import '../features/mappings/mappings.css';

// Pages most sessions never open load on demand (relative chunk URLs work from file:// too).
const GalleryPage = lazy(() => import('../features/templates/GalleryPage').then((m) => ({ default: m.GalleryPage })));
const WorkspacePage = lazy(() => import('../features/workspace/WorkspacePage').then((m) => ({ default: m.WorkspacePage })));

/** One page per view; each feature owns its page. */
const PAGES: Record<View, ComponentType> = {
  sources: SourcesPage,
  gallery: GalleryPage,
  log: LogPage,
  workspace: WorkspacePage,
  settings: SettingsPage,
};
import { LoadingState } from '../components/LoadingState';
import { ErrorNotice } from '../components/ErrorNotice';

export function App() {
  const view = useApp((s) => s.view);
  const bootStatus = useApp((s) => s.bootStatus);
  const bootError = useApp((s) => s.bootError);
  const boot = useApp((s) => s.boot);

  return (
    <Frame>
      {bootStatus === 'loading' && <LoadingState label="Connecting to Inlet…" />}
      {bootStatus === 'error' && (
        <div className="page page--centered">
          <ErrorNotice title="Inlet could not load" message={bootError} onRetry={() => void boot()} />
        </div>
      )}
      {bootStatus === 'ready' && <Page view={view} />}
    </Frame>
  );
}

function Page({ view }: { view: View }) {
  const Component = PAGES[view];
  return (
    <Suspense fallback={<LoadingState label="Loading…" />}>
      <Component />
    </Suspense>
  );
}
