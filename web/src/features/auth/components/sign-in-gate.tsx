/**
 * What a visitor without a token sees: an automatic, click-free sign-in when this browser was signed in
 * before (session resume — the token itself is never stored), otherwise the sign-in page. A page load decides this
 * in the first script (boot.ts) before the app loads; the gate decides it when the app is already running (a link
 * from a page that needs no sign-in). No automatic
 * sign-in after the session was revoked or expired, after signing out, or when a resume in this tab
 * already came back without a token in the last minute (loop guard).
 */
import { useEffect, useRef, useState } from 'react';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { accessToken } from '@/lib/access-token.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { authMessages } from '../messages.ts';
import { shouldAutoResume } from '../model/session-hint.ts';
import { loadPublicConfig } from '@/shared/api/load-public-config.ts';
import { startSignIn } from '../model/start-sign-in.ts';
import { SignInPage, type SignInNotice } from '../pages/sign-in-page.tsx';

type GateMode = { kind: 'resume' } | { kind: 'page'; notice: SignInNotice };

function decide(): GateMode {
  const reason = accessToken.lastSignedOutReason();
  if (reason === 'expired') return { kind: 'page', notice: 'expired' };
  if (reason === 'signed-out') return { kind: 'page', notice: 'signed-out' };
  if (shouldAutoResume(window.localStorage, window.sessionStorage, Date.now())) return { kind: 'resume' };
  return { kind: 'page', notice: null };
}

export function SignInGate({ returnTo }: { returnTo: string }) {
  const [mode, setMode] = useState<GateMode>(decide);
  if (mode.kind === 'resume') return <AutoResume returnTo={returnTo} onGiveUp={() => setMode({ kind: 'page', notice: null })} />;
  return <SignInPage returnTo={returnTo} notice={mode.notice} />;
}

function AutoResume({ returnTo, onGiveUp }: { returnTo: string; onGiveUp: () => void }) {
  const t = useMessages(authMessages);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    loadPublicConfig()
      .then((config) => startSignIn({ config, returnTo, auto: true }))
      .catch(onGiveUp);
  }, [returnTo, onGiveUp]);

  return (
    <section className="page page--narrow">
      <Spinner label={t.resuming} />
    </section>
  );
}
