import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ExprContext } from '../../../../shared/expr';
import { useApp } from '../../app/store-context';
import { paramInputId } from './ParamInput';
import { CHILD_PAGE, parentIndex, ROW_BUDGET, visibleRows, type TreeRow } from './payload-tree';
import type { RawSampleBody } from './sample-context';

/**
 * The sample as a tree. Clicking a row (or Enter on the active one) fills the focused parameter
 * with that value's path; ↑/↓ move, →/← open, close or step in and out, Space toggles. Large
 * containers show their first children and a "Show N more" line (Enter, Space or a click); a body
 * that is no structure (too deep to parse) is shown raw with the reason.
 */
export function PayloadTree({ ctx, raw }: { ctx: ExprContext; raw?: RawSampleBody | null }) {
  const insert = useApp((s) => s.insertPathIntoFocused);
  const focusedParam = useApp((s) => s.focusedParam);
  const pinned = useApp((s) => s.pickTarget !== null);
  const endPick = useApp((s) => s.endPick);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState<ReadonlyMap<string, number>>(new Map());
  const [budget, setBudget] = useState(ROW_BUDGET);
  const [active, setActive] = useState(0);
  const rows = useMemo(() => visibleRows(ctx, toggled, { shown, budget }), [ctx, toggled, shown, budget]);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const toggle = (row: TreeRow) => {
    const next = new Set(toggled);
    if (next.has(row.path)) next.delete(row.path);
    else next.add(row.path);
    setToggled(next);
  };

  const showMore = (more: NonNullable<TreeRow['more']>) => {
    if (more.parent === '') setBudget((b) => b + ROW_BUDGET);
    else setShown(new Map(shown).set(more.parent, (shown.get(more.parent) ?? CHILD_PAGE) + more.count));
  };

  const fill = (row: TreeRow, refocus: boolean) => {
    if (row.more) return showMore(row.more);
    const done = insert(row.path);
    // A pick started from a field ends back in that field, like closing a picker.
    const back = refocus || pinned;
    endPick();
    if (!done || !back) return;
    // Back to the input with the caret after the path, so typing continues where it left off.
    const input = document.getElementById(paramInputId(done.param));
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.setSelectionRange(done.caret, done.caret);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const row = rows[active];
    if (!row) return;
    const move = (to: number) => setActive(Math.max(0, Math.min(rows.length - 1, to)));
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      ArrowRight: () => (row.expandable && !row.expanded ? toggle(row) : row.expanded ? move(active + 1) : undefined),
      ArrowLeft: () => (row.expanded ? toggle(row) : move(parentIndex(rows, active))),
      ' ': () => (row.more ? showMore(row.more) : row.expandable && toggle(row)),
      Enter: () => fill(row, false),
      ...(pinned && focusedParam
        ? {
            Escape: () => {
              endPick();
              document.getElementById(paramInputId(focusedParam))?.focus();
            },
          }
        : {}),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const tree = (
    <div
      ref={listRef}
      className="tree"
      role="tree"
      tabIndex={0}
      aria-label={`Sample payload${focusedParam ? `; Enter fills ${focusedParam}` : ''}`}
      aria-activedescendant={rows[active] ? `tree-row-${active}` : undefined}
      data-testid="payload-tree"
      onKeyDown={onKeyDown}
    >
      {rows.map((row, i) =>
        row.more ? (
          <div
            key={row.path}
            id={`tree-row-${i}`}
            role="treeitem"
            aria-level={row.depth + 1}
            aria-selected={i === active}
            className={`tree__row tree__row--more${i === active ? ' tree__row--active' : ''}`}
            style={{ paddingLeft: 8 + row.depth * 14 }}
            data-index={i}
            data-testid="tree-more"
            onMouseDown={(e) => e.preventDefault()}
          >
            <button
              type="button"
              className="link"
              tabIndex={-1}
              onClick={() => {
                setActive(i);
                showMore(row.more!);
              }}
            >
              {row.label}
            </button>{' '}
            <span className="muted">{row.preview}</span>
          </div>
        ) : (
          <div
            key={row.path}
            id={`tree-row-${i}`}
            role="treeitem"
            aria-level={row.depth + 1}
            aria-expanded={row.expandable ? row.expanded : undefined}
            aria-selected={i === active}
            className={`tree__row${i === active ? ' tree__row--active' : ''}`}
            style={{ paddingLeft: 8 + row.depth * 14 }}
            data-index={i}
            data-path={row.path}
            data-testid="tree-node"
            title={`${row.path} — click to fill ${focusedParam ?? 'the focused field'}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setActive(i);
              fill(row, true);
            }}
          >
            <span
              className={`tree__twisty${row.expandable ? '' : ' tree__twisty--leaf'}`}
              aria-hidden="true"
              onClick={(e) => {
                if (!row.expandable) return;
                e.stopPropagation();
                setActive(i);
                toggle(row);
              }}
            >
              {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
            </span>
            <span className={`tree__key${row.depth === 0 ? ' tree__key--ns' : ''}`}>{row.label}</span>
            <span className={`tree__value tree__value--${row.kind}`} data-testid="tree-value">
              {row.preview}
            </span>
          </div>
        ),
      )}
    </div>
  );
  if (!raw) return tree;
  return (
    <>
      <div className="tree-raw" data-testid="sample-raw">
        <p className="field__error">The body is shown as sent, not as a tree: {raw.error}.</p>
        <pre className="code tree-raw__text">{raw.text}</pre>
        {raw.truncated && <p className="muted">Only the beginning is shown.</p>}
      </div>
      {tree}
    </>
  );
}
