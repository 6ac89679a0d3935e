/**
 * A failed request in words a person understands, with "Try again". Maps the API client's ApiError by status
 * and stable code (common/errors.ts); never shows a raw message, stack or token. When Firmafon asks us to wait
 * (429 + Retry-After) it counts down and tries again by itself.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-error.ts';
import { defineMessages, useMessages } from '@/lib/i18n.tsx';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { errorKindOf } from './error-kind.ts';

const messages = defineMessages({
  en: {
    offline: "Can't reach Firmafon. Check your internet connection.",
    rateLimited: 'Firmafon is busy. Wait a moment and try again.',
    rateLimitedIn: (s: number) => `Firmafon is busy; trying again in ${s} s`,
    unavailable: "Firmafon isn't answering right now. Try again in a little while.",
    invalidResponse: 'Firmafon sent data the dashboard could not read.',
    forbidden: "Your Firmafon user doesn't have access to this.",
    notFound: 'Firmafon could not find this.',
    signedOut: 'Your session has ended. Sign in again.',
    other: 'Something went wrong.',
    code: (code: string) => `Error code: ${code}`,
    retry: 'Try again',
  },
  da: {
    offline: 'Kan ikke få forbindelse til Firmafon. Tjek din internetforbindelse.',
    rateLimited: 'Firmafon har travlt. Vent et øjeblik, og prøv igen.',
    rateLimitedIn: (s: number) => `Firmafon har travlt; prøver igen om ${s} s`,
    unavailable: 'Firmafon svarer ikke lige nu. Prøv igen om lidt.',
    invalidResponse: 'Firmafon sendte data, som dashboardet ikke kunne læse.',
    forbidden: 'Din Firmafon-bruger har ikke adgang til dette.',
    notFound: 'Firmafon kunne ikke finde dette.',
    signedOut: 'Din session er udløbet. Log ind igen.',
    other: 'Noget gik galt.',
    code: (code: string) => `Fejlkode: ${code}`,
    retry: 'Prøv igen',
  },
});

export interface ErrorPanelProps {
  error: unknown;
  /** Called by "Try again" (and when a rate-limit countdown ends). */
  onRetry?: () => void;
  /** A heading for what failed, e.g. "Calls could not be loaded". */
  title?: string;
  className?: string;
}

/** A stable number per error object, so a new error restarts the countdown. */
const errorIds = new WeakMap<object, number>();
let lastErrorId = 0;
function errorId(error: object): number {
  let id = errorIds.get(error);
  if (id === undefined) {
    lastErrorId += 1;
    id = lastErrorId;
    errorIds.set(error, id);
  }
  return id;
}

/** Counts down from `seconds`, then calls `onDone` once. */
function Countdown({ seconds, onDone, format }: { seconds: number; onDone: () => void; format: (s: number) => string }) {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  const fired = useRef(false);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil(seconds - (now - started) / 1000));
  useEffect(() => {
    if (left === 0 && !fired.current) {
      fired.current = true;
      onDone();
    }
  }, [left, onDone]);
  return <>{format(left)}</>;
}

export function ErrorPanel({ error, onRetry, title, className }: ErrorPanelProps) {
  const t = useMessages(messages);
  const kind = errorKindOf(error);
  const retryAfter = kind === 'rateLimited' && error instanceof ApiError ? error.retryAfterSeconds : null;
  const code = error instanceof ApiError && kind === 'other' ? error.code : null;

  return (
    <Alert
      tone="danger"
      title={title}
      className={className}
      actions={
        onRetry ? (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            {t.retry}
          </Button>
        ) : null
      }
    >
      <p>
        {retryAfter !== null && onRetry && error instanceof ApiError ? (
          <Countdown key={errorId(error)} seconds={retryAfter} onDone={onRetry} format={t.rateLimitedIn} />
        ) : (
          t[kind]
        )}
      </p>
      {code ? <p className="muted">{t.code(code)}</p> : null}
    </Alert>
  );
}
