/**
 * "Call +45 12 34 56 78": a small button beside an outside number that, after a confirmation dialog, asks Firmafon to
 * ring the signed-in employee's own phone and connect them to the number (`POST switch/dial`). One confirmation places
 * at most one call (shared/api/dial.ts). For an employee without a switch the button stays visible but disabled, with
 * the reason as its description and tooltip. Everything shown is React text.
 */
import { useIsMutating } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useMessages } from '@/lib/i18n.tsx';
import { useSignedInEmployee } from '../api/employees.ts';
import { dialMutationKey, useDial } from '../api/dial.ts';
import { callBackWords } from '../messages.ts';
import type { CallBackTarget } from '../model/call-back.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { dialProblemOf } from './dial-problem.ts';
import { Dialog } from './dialog.tsx';
import './call-back.css';

/** False only when Firmafon says the signed-in employee has no switch; unknown is allowed (a 422 then explains). */
export function useCanDial(): boolean {
  return useSignedInEmployee().data?.has_switch !== false;
}

function PhoneIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16" className="call-back__icon">
      <path
        fill="currentColor"
        d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.46.57 3.6a1 1 0 0 1-.25 1z"
      />
    </svg>
  );
}

export interface CallBackButtonProps {
  target: CallBackTarget;
  /** After Firmafon accepted the dial (e.g. refresh the call list). */
  onDialled?: () => void;
}

export function CallBackButton({ target, onDialled }: CallBackButtonProps) {
  const t = useMessages(callBackWords);
  const canDial = useCanDial();
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const reasonId = useId();
  const name = t.callNumber(target.display);

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="call-back"
        aria-label={name}
        aria-disabled={canDial ? undefined : true}
        aria-describedby={canDial ? undefined : reasonId}
        title={canDial ? name : t.noSwitch}
        onClick={() => {
          if (canDial) setOpen(true);
        }}
      >
        <PhoneIcon />
      </button>
      {canDial ? null : (
        <span id={reasonId} hidden>
          {t.noSwitch}
        </span>
      )}
      {open ? <CallBackDialog target={target} onClose={() => setOpen(false)} returnFocus={triggerRef} onDialled={onDialled} /> : null}
    </>
  );
}

function CallBackDialog({
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

/** The reason call-back buttons are disabled, shown once where they appear; nothing when the employee can dial. */
export function NoSwitchNotice() {
  const t = useMessages(callBackWords);
  return useCanDial() ? null : <p className="muted call-back__notice">{t.noSwitch}</p>;
}
