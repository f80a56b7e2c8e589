import type { KeyboardEvent } from 'react';
import { useApp } from '../../app/store-context';
import { TAB_LABEL, type WorkspaceTab } from './workspace-rows';

const TABS = Object.keys(TAB_LABEL) as WorkspaceTab[];

/** ARIA tabs: ←/→ move between them (and select), Tab moves on to the table. */
export function WorkspaceTabs() {
  const tab = useApp((s) => s.workspaceTab);
  const setTab = useApp((s) => s.setWorkspaceTab);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.indexOf(tab);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
  };

  return (
    <div className="ws-tabs" role="tablist" aria-label="Workspace records" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={`ws-tab-${t}`}
          aria-selected={t === tab}
          aria-controls="ws-table"
          tabIndex={t === tab ? 0 : -1}
          className="ws-tabs__tab"
          data-tab={t}
          data-testid={`workspace-tab-${t}`}
          onClick={() => setTab(t)}
        >
          {TAB_LABEL[t]}
        </button>
      ))}
    </div>
  );
}
