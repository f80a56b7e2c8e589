import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a native `<dialog>` as a modal for as long as the component is mounted: `showModal()`
 * makes the page behind inert, Esc calls `onClose` (the browser's own Esc handling would close the
 * element behind React's back), and focus returns to where it was on close. `focus` is the element
 * to focus once open (default: the browser's choice, the first focusable one).
 */
export function useModalDialog(onClose: () => void, focus?: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    focus?.current?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
    // Mount to unmount: the dialog opens once; the callbacks are read through refs.
  }, []);

  return ref;
}
