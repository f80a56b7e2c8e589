import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { fuzzyFilter } from './fuzzy';
import { useModalDialog } from './use-modal-dialog';
import './palette.css';

export interface Command {
  id: string;
  /** What the user reads and types against, e.g. "Go to source: Stripe". */
  label: string;
  /** A group shown at the right ("Navigation", "Tunnel"…). */
  group: string;
  run(): void;
}

const MAX_SHOWN = 50;

/**
 * A Ctrl/⌘-K palette on the native `<dialog>` (the page behind is inert): an ARIA combobox whose
 * listbox filters as the user types. ↑/↓ move, Enter runs, Esc closes; focus stays in the input.
 */
export function CommandPalette({ commands, onClose }: { commands: readonly Command[]; onClose(): void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const ref = useModalDialog(onClose, inputRef);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => fuzzyFilter(commands, query, (c) => `${c.label} ${c.group}`).slice(0, MAX_SHOWN), [commands, query]);
  const current = shown[Math.min(active, shown.length - 1)];

  useEffect(() => {
    if (current) document.getElementById(`${listId}-${current.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    command.run();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const last = shown.length - 1;
    const moves: Record<string, number> = { ArrowDown: active >= last ? 0 : active + 1, ArrowUp: active <= 0 ? last : active - 1, PageDown: Math.min(last, active + 8), PageUp: Math.max(0, active - 8) };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      setActive(Math.max(0, to));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(current);
    } else if (e.key === 'Tab') {
      // The input is the palette's only stop: Tab must not wander into the list or out of the dialog.
      e.preventDefault();
    }
  };

  return (
    <dialog ref={ref} className="palette" aria-label="Command palette" data-testid="command-palette" onKeyDown={onKeyDown}>
      <input
        ref={inputRef}
        className="palette__input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        aria-label="Type a command or a source"
        placeholder="Type a command or a source…"
        value={query}
        data-testid="palette-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
      />
      <ul className="palette__list" id={listId} role="listbox" aria-label="Commands">
        {shown.map((command) => (
          <li
            key={command.id}
            id={`${listId}-${command.id}`}
            role="option"
            aria-selected={command === current}
            className="palette__item"
            data-testid="palette-option"
            data-command={command.id}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(command)}
          >
            <span className="palette__label">{command.label}</span>
            <span className="palette__group">{command.group}</span>
          </li>
        ))}
        {shown.length === 0 && (
          <li className="palette__none" role="option" aria-selected="false" aria-disabled="true">
            No command matches “{query}”
          </li>
        )}
      </ul>
    </dialog>
  );
}
