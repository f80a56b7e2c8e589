import { useEffect, useRef, useState } from 'react';
import { SendTestEventMenu, type SendTestEventMenuProps } from './SendTestEventMenu';

/** A "Send test event" button that opens the menu in a popover; Esc or a click outside closes it. */
export function SendTestEventButton(props: Omit<SendTestEventMenuProps, 'onNavigate'> & { label?: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div
      ref={ref}
      className="send-popover"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
          ref.current?.querySelector<HTMLButtonElement>('.send-popover__toggle')?.focus();
        }
      }}
    >
      <button type="button" className="btn btn--small send-popover__toggle" aria-expanded={open} aria-haspopup="dialog" data-testid="send-test-button" onClick={() => setOpen(!open)}>
        {props.label ?? 'Send test event'} ▾
      </button>
      {open && (
        <div className="send-popover__panel" role="dialog" aria-label="Send a test event">
          <SendTestEventMenu {...props} onNavigate={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}
