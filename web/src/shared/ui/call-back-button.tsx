/**
 * "Call +45 12 34 56 78": a small button beside an outside number that, after a confirmation dialog, asks Firmafon to
 * ring the signed-in employee's own phone and connect them to the number (`POST switch/dial`). One confirmation places
 * at most one call (shared/api/dial.ts). For an employee without a switch the button stays visible but disabled, with
 * the reason as its description and tooltip. The dialog is call-back-dialog.tsx. Everything shown is React text.
 */
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useMessages } from '@/lib/i18n.tsx';
import { useSignedInEmployee } from '../api/employees.ts';
import { callBackWords } from '../messages.ts';
import type { CallBackTarget } from '../model/call-back.ts';
import './call-back.css';

// The dialog and the write path load when first wanted (pointer over or focus on a button, or a click), not with
// the page: a list of calls shows without them.
const loadDialog = () => import('./call-back-dialog.tsx');
const CallBackDialog = lazy(loadDialog);
const preloadDialog = () => {
  loadDialog().catch(() => {
    // Tried again when the dialog opens.
  });
};

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
        onPointerEnter={canDial ? preloadDialog : undefined}
        onFocus={canDial ? preloadDialog : undefined}
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
      {open ? (
        <Suspense fallback={null}>
          <CallBackDialog target={target} onClose={() => setOpen(false)} returnFocus={triggerRef} onDialled={onDialled} />
        </Suspense>
      ) : null}
    </>
  );
}

/** The reason call-back buttons are disabled, shown once where they appear; nothing when the employee can dial. */
export function NoSwitchNotice() {
  const t = useMessages(callBackWords);
  return useCanDial() ? null : <p className="muted call-back__notice">{t.noSwitch}</p>;
}
