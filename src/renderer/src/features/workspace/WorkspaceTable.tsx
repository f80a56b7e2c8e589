import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApp } from '../../app/store-context';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { COLUMNS, TAB_LABEL, type WorkspaceTab } from './workspace-rows';

const ROW_HEIGHT = 36;

const GRID: Record<WorkspaceTab, string> = {
  users: 'minmax(140px, 1.2fr) minmax(100px, 1fr) minmax(140px, 1.4fr) minmax(100px, 0.8fr) 190px',
  objects: 'minmax(100px, 0.8fr) minmax(140px, 1.2fr) minmax(100px, 1fr) 190px',
  tenants: 'minmax(140px, 1.2fr) minmax(120px, 1.2fr) 190px',
  subscriptions: 'minmax(100px, 0.8fr) minmax(120px, 1fr) minmax(140px, 1.2fr) 190px',
  audiences: 'minmax(120px, 1fr) minmax(140px, 1.2fr) minmax(100px, 0.8fr) 190px',
  workflows: 'minmax(160px, 1fr) minmax(160px, 1.4fr) 190px',
  runs: 'minmax(140px, 1fr) minmax(140px, 1.2fr) 90px minmax(90px, 0.7fr) 190px',
};

const EMPTY_HINT: Record<WorkspaceTab, string> = {
  users: 'Identify actions create users.',
  objects: 'Set object actions create objects.',
  tenants: 'Set tenant actions create tenants.',
  subscriptions: 'Subscribe actions add subscriptions (a tenant is the collection $tenants).',
  audiences: 'Add audience member actions fill audiences.',
  workflows: 'Connecting a template creates the workflows its mappings trigger; add your own above.',
  runs: 'Trigger workflow actions start runs, one per recipient.',
};

/**
 * The current tab's page as a virtualised list: ↑/↓/Home/End move the cursor, Enter opens the
 * detail drawer, Esc closes it.
 */
export function WorkspaceTable() {
  const tab = useApp((s) => s.workspaceTab);
  const rows = useApp((s) => s.workspaceRows);
  const status = useApp((s) => s.workspaceStatus);
  const search = useApp((s) => s.workspaceSearch);
  const selectedKey = useApp((s) => s.workspaceSelectedKey);
  const select = useApp((s) => s.selectWorkspaceRow);
  const envName = useApp((s) => s.environments.find((e) => e.key === s.currentEnv)?.name ?? '');
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i]?.key ?? i,
  });

  useEffect(() => setActive(0), [tab]);
  useEffect(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(Math.min(active, rows.length - 1), { align: 'auto' });
  }, [active, rows.length, virtualizer]);

  // The tabs point at #ws-table (aria-controls), so the panel exists even while loading or empty.
  const panel = { id: 'ws-table', role: 'tabpanel', 'aria-labelledby': `ws-tab-${tab}` } as const;
  if (status === 'loading' && rows.length === 0) {
    return (
      <div {...panel} className="ws-table">
        <LoadingState label={`Loading ${TAB_LABEL[tab].toLowerCase()}…`} />
      </div>
    );
  }
  if (rows.length === 0 && status !== 'error') {
    return (
      <div {...panel} className="ws-table">
        <EmptyState title={search.trim() ? `No ${TAB_LABEL[tab].toLowerCase()} match “${search.trim()}”` : `No ${TAB_LABEL[tab].toLowerCase()} in ${envName} yet`} testId="workspace-empty">
          {!search.trim() && <p>{EMPTY_HINT[tab]}</p>}
        </EmptyState>
      </div>
    );
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: rows.length - 1, PageDown: active + 10, PageUp: active - 10 };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      setActive(Math.max(0, Math.min(to, rows.length - 1)));
    } else if (e.key === 'Enter') {
      const row = rows[active];
      if (row) select(row.key);
    } else if (e.key === 'Escape') {
      select(null);
    }
  };

  const grid = { gridTemplateColumns: GRID[tab] };
  const activeKey = rows[active]?.key;
  return (
    <div {...panel} className="ws-table">
      <div className="ws-table__head" style={grid} aria-hidden="true">
        {COLUMNS[tab].map((c) => (
          <span key={c}>{c}</span>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="ws-table__scroll"
        role="listbox"
        tabIndex={0}
        aria-label={`${TAB_LABEL[tab]} in ${envName}`}
        aria-activedescendant={activeKey !== undefined ? `ws-row-${active}` : undefined}
        data-testid="workspace-table"
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const classes = ['ws-row', item.index === active && 'ws-row--active', row.key === selectedKey && 'ws-row--selected'].filter(Boolean).join(' ');
            return (
              <div
                key={item.key}
                id={`ws-row-${item.index}`}
                role="option"
                aria-selected={row.key === selectedKey}
                className={classes}
                data-testid="workspace-row"
                data-key={row.key}
                style={{ ...grid, position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  setActive(item.index);
                  select(row.key);
                }}
              >
                {row.cells.map((cell, i) => (
                  <span key={i} className={i === 0 ? 'ws-row__primary' : undefined} data-status={row.status && cell === row.status ? row.status : undefined} title={cell}>
                    {cell}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
