import type { ComponentType } from 'react';
import { useApp } from './store-context';
import { Frame } from './Frame';
import { SourcesPage } from '../features/sources/SourcesPage';
import { LogPage } from '../features/log/LogPage';
import { GalleryPage } from '../features/templates/GalleryPage';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { View } from './app.slice';

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
  return <Component />;
}
