import type { KeyboardEvent, ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

interface Props {
  title: ReactNode;
  /** Shown under the title (logo, category…). */
  subtitle?: ReactNode;
  onClose(): void;
  /** The body and footer: `.modal__body` scrolls, `.modal__footer` stays (a form may wrap both). */
  children: ReactNode;
  testId?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal on the native `<dialog>`: `showModal()` makes the page behind inert, and Tab wraps
 * inside, so focus cannot leave while it is open. Esc closes; focus returns to where it was.
 */
export function Modal({ title, subtitle, onClose, children, testId }: Props) {
  const ref = useModalDialog(onClose);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog ref={ref} className="modal" aria-labelledby="modal-title" data-testid={testId} onKeyDown={onKeyDown}>
      <header className="modal__header">
        <div className="modal__heading">
          <h2 id="modal-title" className="modal__title">
            {title}
          </h2>
          {subtitle && <div className="modal__subtitle">{subtitle}</div>}
        </div>
        <button type="button" className="btn btn--small btn--ghost" aria-label="Close (Esc)" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      {children}
    </dialog>
  );
}
