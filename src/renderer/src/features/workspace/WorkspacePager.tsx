import { useApp } from '../../app/store-context';
import { WORKSPACE_PAGE_SIZE } from './workspace.slice';

/** "1–100 of 342" with previous/next; the table virtualises within a page. */
export function WorkspacePager() {
  const offset = useApp((s) => s.workspaceOffset);
  const total = useApp((s) => s.workspaceTotal);
  const shown = useApp((s) => s.workspaceRows.length);
  const setOffset = useApp((s) => s.setWorkspaceOffset);
  const from = total === 0 ? 0 : offset + 1;
  const to = offset + shown;
  return (
    <footer className="ws-pager">
      <span className="muted" data-testid="workspace-count" aria-live="polite">
        {total === 0 ? 'Nothing here' : `${from}–${to} of ${total}`}
      </span>
      {total > WORKSPACE_PAGE_SIZE && (
        <span className="ws-pager__buttons">
          <button type="button" className="btn btn--small" disabled={offset === 0} onClick={() => setOffset(offset - WORKSPACE_PAGE_SIZE)}>
            ← Previous
          </button>
          <button type="button" className="btn btn--small" disabled={to >= total} data-testid="workspace-next" onClick={() => setOffset(offset + WORKSPACE_PAGE_SIZE)}>
            Next →
          </button>
        </span>
      )}
    </footer>
  );
}
