import { useEffect } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MappingEditor } from './MappingEditor';
import { MappingList } from './MappingList';
import { SamplePanel } from './SamplePanel';
import './mappings.css';

/** The three columns: the mapping list | the editor | the sample payload tree. */
export function MappingsTab({ source }: { source: Source }) {
  const loadMappings = useApp((s) => s.loadMappings);
  const loadSampleSources = useApp((s) => s.loadSampleSources);
  const currentEnv = useApp((s) => s.currentEnv);
  const hasDraft = useApp((s) => s.draft !== null);
  const error = useApp((s) => s.mappingsError);
  const newMapping = useApp((s) => s.newMapping);
  const loadWorkspaceKeys = useApp((s) => s.loadWorkspaceKeys);

  useEffect(() => {
    void loadMappings(source.id).then(() => loadSampleSources(source.id));
  }, [source.id, currentEnv, loadMappings, loadSampleSources]);
  useEffect(() => {
    void loadWorkspaceKeys();
  }, [currentEnv, loadWorkspaceKeys]);

  return (
    <div className="mappings" data-testid="mappings-tab">
      <MappingList source={source} />
      <section className="mappings__editor" aria-label="Mapping editor">
        <ErrorNotice message={error} />
        {hasDraft ? (
          <MappingEditor source={source} />
        ) : (
          <EmptyState title="No mapping selected" testId="mapping-empty">
            <p>A mapping turns one type of event into an action on your local workspace, such as identifying a user.</p>
            <button type="button" className="btn btn--primary" onClick={() => newMapping()}>
              Add a mapping
            </button>
          </EmptyState>
        )}
      </section>
      <SamplePanel />
    </div>
  );
}
