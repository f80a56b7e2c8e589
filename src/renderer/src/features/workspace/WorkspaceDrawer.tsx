import { useEffect } from 'react';
import { useApp } from '../../app/store-context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyButton } from '../../components/CopyButton';
import { formatDateTime } from '../../lib/format';
import { COLUMNS, runTimeline, TAB_LABEL, type PagedItem } from './workspace-rows';

/** One record in full: its JSON as stored, and where it came from (a run links to its event). */
export function WorkspaceDrawer() {
  const tab = useApp((s) => s.workspaceTab);
  const row = useApp((s) => s.workspaceRows.find((r) => r.key === s.workspaceSelectedKey) ?? null);
  const select = useApp((s) => s.selectWorkspaceRow);
  const setView = useApp((s) => s.setView);
  const openEvent = useApp((s) => s.openEvent);
  const deleteWorkflow = useApp((s) => s.deleteWorkspaceWorkflow);

  const close = () => {
    select(null);
    document.querySelector<HTMLElement>('[data-testid="workspace-table"]')?.focus();
  };

  // Esc closes the drawer wherever focus is (the table handles it too when focused).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) select(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [select]);

  if (!row) return null;
  const json = JSON.stringify(row.record, null, 2);
  return (
    <aside className="ws-drawer" aria-label={`${TAB_LABEL[tab]}: ${row.title}`} data-testid="workspace-drawer">
      <header className="ws-drawer__header">
        <div className="ws-drawer__heading">
          <span className="ws-drawer__kind">{TAB_LABEL[tab]}</span>
          <h2 className="ws-drawer__title" data-testid="workspace-drawer-title">
            {row.title}
          </h2>
        </div>
        <button type="button" className="btn btn--small btn--ghost" aria-label="Close detail (Esc)" onClick={close}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      <div className="ws-drawer__body">
        {row.eventId !== null && (
          <p className="ws-drawer__origin">
            Triggered by{' '}
            <button
              type="button"
              className="link-button"
              data-testid="workspace-open-event"
              onClick={() => {
                setView('log');
                void openEvent(row.eventId!);
              }}
            >
              event #{row.eventId} in the log →
            </button>
          </p>
        )}
        <dl className="facts ws-drawer__facts">
          {COLUMNS[tab].map((label, i) => (
            <div key={label} className="ws-drawer__fact">
              <dt>{label}</dt>
              <dd>{row.cells[i]}</dd>
            </div>
          ))}
        </dl>
        {tab === 'runs' && (
          <>
            <h3>Status over time</h3>
            <ol className="ws-drawer__timeline" data-testid="workspace-run-timeline">
              {runTimeline(row.record as PagedItem<'runs'>).map((step) => (
                <li key={step.label}>
                  <span>{step.label}</span> <time dateTime={new Date(step.at).toISOString()}>{formatDateTime(step.at)}</time>
                </li>
              ))}
            </ol>
          </>
        )}
        <div className="ws-drawer__toolbar">
          <h3>Record</h3>
          <CopyButton text={json} label="Copy JSON" />
        </div>
        <pre className="code ws-drawer__json" data-testid="workspace-json">
          {json}
        </pre>
        {tab === 'workflows' && (
          <div className="ws-drawer__danger">
            <ConfirmButton
              label="Delete workflow"
              question="Triggers for this key will fail with not_found; past runs stay."
              confirmLabel="Delete"
              danger
              testId="workflow-delete"
              onConfirm={async () => void (await deleteWorkflow(row.key))}
            />
          </div>
        )}
      </div>
    </aside>
  );
}
