import { useEffect, useState } from 'react';
import { useApp } from '../../app/store-context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NewWorkflowForm } from './NewWorkflowForm';
import { WorkspaceDrawer } from './WorkspaceDrawer';
import { WorkspacePager } from './WorkspacePager';
import { WorkspaceTable } from './WorkspaceTable';
import { WorkspaceTabs } from './WorkspaceTabs';
import { TAB_LABEL } from './workspace-rows';
import './workspace.css';

/** Typing pauses this long before the host is asked, so a word is one query, not one per letter. */
const SEARCH_DELAY_MS = 250;

/** The current environment's local Knock workspace: users, objects, tenants, subscriptions, audiences, workflows, runs. */
export function WorkspacePage() {
  const currentEnv = useApp((s) => s.currentEnv);
  const envName = useApp((s) => s.environments.find((e) => e.key === s.currentEnv)?.name ?? '');
  const tab = useApp((s) => s.workspaceTab);
  const search = useApp((s) => s.workspaceSearch);
  const error = useApp((s) => s.workspaceError);
  const selectedKey = useApp((s) => s.workspaceSelectedKey);
  const loadWorkspace = useApp((s) => s.loadWorkspace);
  const selectRow = useApp((s) => s.selectWorkspaceRow);
  const setSearch = useApp((s) => s.setWorkspaceSearch);
  const resetWorkspace = useApp((s) => s.resetWorkspace);
  const [typed, setTyped] = useState(search);
  const [resetError, setResetError] = useState<string | null>(null);

  // Each visit and each environment switch shows fresh data; pushes keep it fresh while shown.
  useEffect(() => {
    if (currentEnv === null) return;
    selectRow(null);
    void loadWorkspace();
  }, [currentEnv, loadWorkspace, selectRow]);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, setSearch]);

  return (
    <div className={`page workspace${selectedKey !== null ? ' workspace--with-drawer' : ''}`} data-testid="page-workspace" data-environment={currentEnv ?? ''}>
      <section className="workspace__main" aria-label="Workspace">
        <header className="workspace__header">
          <div className="workspace__heading">
            <h1 className="workspace__title">Workspace</h1>
            <span className="muted">{envName} · what your mappings did, as Knock would hold it</span>
          </div>
          <input
            className="input workspace__search"
            type="search"
            placeholder={`Search ${TAB_LABEL[tab].toLowerCase()}`}
            aria-label={`Search ${TAB_LABEL[tab].toLowerCase()}`}
            data-testid="workspace-search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <ConfirmButton
            label="Reset workspace"
            question={`Delete every user, object, tenant, subscription, audience member and workflow run in ${envName}? Workflows stay.`}
            confirmLabel={`Reset ${envName}`}
            danger
            testId="workspace-reset"
            onConfirm={async () => setResetError(await resetWorkspace())}
          />
        </header>
        <WorkspaceTabs />
        {tab === 'workflows' && <NewWorkflowForm />}
        <div className="workspace__notices">
          <ErrorNotice message={error} onRetry={() => void loadWorkspace()} />
          <ErrorNotice message={resetError} />
        </div>
        <WorkspaceTable />
        <WorkspacePager />
      </section>
      {selectedKey !== null && <WorkspaceDrawer />}
    </div>
  );
}
