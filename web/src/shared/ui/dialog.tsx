/**
 * A modal dialog: the native `<dialog>` opened with `showModal()` (the rest of the page becomes inert), labelled by
 * its heading, with focus moved in on open, kept inside while open (Tab and Shift+Tab cycle), Escape to cancel, and
 * focus given back to the element that opened it on close. Rendered into `document.body`, so it never sits inside a
 * table row or a phrase. Presentational: the caller owns `open` and what the buttons do.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

export interface DialogProps {
  title: ReactNode;
  children: ReactNode;
  /** Buttons at the bottom, in reading order. */
  actions: ReactNode;
  /** Escape, or the caller's own cancel button. */
  onClose: () => void;
  /** Gets focus when the dialog opens (default: the first focusable element). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Gets focus back when the dialog closes. */
  returnFocus: RefObject<HTMLElement | null>;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Mounted means open: render it when the dialog should show, unmount it to close. */
export function Dialog({ title, children, actions, onClose, initialFocus, returnFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE) ?? dialog).focus();
    const back = returnFocus;
    return () => {
      if (dialog.open) dialog.close();
      // After React has removed the dialog: focusing while it is still in the tree would be undone by its removal.
      queueMicrotask(() => back.current?.focus());
    };
    // Runs once per opening; later changes of the refs' targets do not move focus again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    event.stopPropagation();
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || active === ref.current)) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <dialog
      ref={ref}
      className="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React unmount it (and give focus back) rather than the browser closing it under React.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
      // React events bubble through portals to the opener's tree (e.g. a table row that opens a call on click).
      onClick={(event) => event.stopPropagation()}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">{actions}</div>
    </dialog>,
    document.body,
  );
}
