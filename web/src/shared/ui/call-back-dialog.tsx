/**
 * The confirmation before a call back: says that Firmafon rings the person's own phone first, then sends the dial
 * once (shared/api/dial.ts) and reports the outcome in words. Loaded on demand by call-back-button.tsx.
 */
import { useIsMutating } from '@tanstack/react-query';
import { useEffect, useRef, type RefObject } from 'react';
import { useMessages } from '@/lib/i18n.tsx';
import { dialMutationKey, useDial } from '../api/dial.ts';
import { callBackWords } from '../messages.ts';
import type { CallBackTarget } from '../model/call-back.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { dialProblemOf } from './dial-problem.ts';
import { Dialog } from './dialog.tsx';

export default function CallBackDialog({
  target,
  onClose,
  returnFocus,
  onDialled,
}: {
  target: CallBackTarget;
  onClose: () => void;
  returnFocus: RefObject<HTMLButtonElement | null>;
  onDialled: (() => void) | undefined;
}) {
  const t = useMessages(callBackWords);
  const { dial, isPending, isSuccess, isError, error } = useDial();
  // Refresh what the call changes (e.g. "not called back") once the person has read the confirmation, so the row
  // behind the dialog does not vanish from under it.
  const close = () => {
    onClose();
    if (isSuccess) onDialled?.();
  };
  const cancelRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  // The confirm button has gone; the next thing to do is close.
  useEffect(() => {
    if (isSuccess) closeRef.current?.focus();
  }, [isSuccess]);

  // A dial started from another dialog (closed while it was on its way) also counts: one call at a time.
  const busy = useIsMutating({ mutationKey: dialMutationKey }) > 0 || isPending;
  // `dial` itself refuses a second start in the same tick, before this render has caught up.
  const confirm = () => {
    if (!busy) dial(target);
  };

  return (
    <Dialog
      title={t.dialogTitle(target.display)}
      onClose={close}
      initialFocus={cancelRef}
      returnFocus={returnFocus}
      actions={
        isSuccess ? (
          <Button ref={closeRef} variant="primary" onClick={close}>
            {t.close}
          </Button>
        ) : (
          <>
            <Button ref={cancelRef} variant="secondary" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button variant="primary" aria-disabled={busy ? true : undefined} onClick={confirm}>
              {busy ? t.calling : t.confirm}
            </Button>
          </>
        )
      }
    >
      <p>{t.dialogBody(target.display)}</p>
      <p role="status" className="call-back__status">
        {isSuccess ? t.placed(target.display) : ''}
      </p>
      {isError ? <Alert tone="danger">{t.problem[dialProblemOf(error)]}</Alert> : null}
    </Dialog>
  );
}
