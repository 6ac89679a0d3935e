/**
 * "Delete this voicemail?": a modal `<dialog>` (role dialog, aria-modal; the rest of the page is inert and Tab wraps
 * around inside it), naming the caller and the time. Escape or "Cancel" cancel; focus goes back to `returnFocus`
 * (the row's Delete button) when it still exists.
 */
import { useEffect, useId, useRef } from 'react';
import { Button } from '@/shared/ui/button.tsx';
import { useMessages } from '@/lib/i18n.tsx';
import { voicemailMessages } from '../messages.ts';

export interface DeleteDialogProps {
  callerText: string;
  timeText: string;
  returnFocus: HTMLElement | null;
  onCancel: () => void;
  onConfirm: () => void;
}

export function DeleteDialog({ callerText, timeText, returnFocus, onCancel, onConfirm }: DeleteDialogProps) {
  const t = useMessages(voicemailMessages);
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // The safe choice has focus first.
    dialog.querySelector<HTMLButtonElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, [returnFocus]);

  return (
    <dialog
      ref={dialogRef}
      className="vm-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onKeyDown={(event) => {
        // Tab wraps around inside the dialog instead of leaving for the browser's own controls.
        if (event.key !== 'Tab') return;
        const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
        const first = buttons[0];
        const last = buttons.at(-1);
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
      onCancel={(event) => {
        // Escape: close through React state, so focus is handed back in one place.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{t.deleteTitle}</h2>
      <p id={`${id}-body`}>{t.deleteBody(callerText, timeText)}</p>
      <div className="vm-dialog__actions">
        <Button data-autofocus variant="secondary" onClick={onCancel}>
          {t.cancel}
        </Button>
        <Button variant="primary" className="button--danger" onClick={onConfirm}>
          {t.confirmDelete}
        </Button>
      </div>
    </dialog>
  );
}
