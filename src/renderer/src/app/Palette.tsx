import { useContext, useEffect, useMemo, useState } from 'react';
import { CommandPalette } from '../components/CommandPalette';
import { buildCommands } from './commands';
import { ShortcutSheet } from './ShortcutSheet';
import { StoreContext } from './store-context';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"], .cm-editor') !== null;

/** Ctrl/⌘-K opens the command palette from anywhere; `?` (outside a text field) the shortcut sheet. */
export function Palette() {
  const store = useContext(StoreContext);
  const [open, setOpen] = useState<'palette' | 'shortcuts' | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => (o === 'palette' ? null : 'palette'));
      } else if (e.key === '?' && !e.ctrlKey && !e.metaKey && !isTyping(e.target) && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        setOpen('shortcuts');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  // Built when opened: the commands follow the page, the sources and the tunnel of that moment.
  const commands = useMemo(
    () => (open === 'palette' && store ? buildCommands(store, { showShortcuts: () => setOpen('shortcuts'), notify: setNotice }) : []),
    [open, store],
  );

  return (
    <>
      {open === 'palette' && <CommandPalette commands={commands} onClose={() => setOpen((o) => (o === 'palette' ? null : o))} />}
      {open === 'shortcuts' && <ShortcutSheet onClose={() => setOpen(null)} />}
      <p className="palette-notice" role="status" data-testid="palette-notice">
        {notice}
      </p>
    </>
  );
}
