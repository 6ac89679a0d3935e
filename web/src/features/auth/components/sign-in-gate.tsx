/**
 * What a visitor without a token sees: an automatic, click-free sign-in when this browser was signed in
 * before (session resume — the token itself is never stored), otherwise the sign-in page. No automatic
 * sign-in after the session was revoked or expired, after signing out, or when a resume in this tab
 * already came back without a token in the last minute (loop guard).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { accessToken } from '@/lib/access-token.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { configQueries } from '../api/get-public-config.ts';
import { authMessages } from '../messages.ts';
import { hasSignedInHint, mayAutoResume } from '../model/session-hint.ts';
import { loadStartSignIn, preloadStartSignIn } from '../model/load-start-sign-in.ts';
import { SignInPage, type SignInNotice } from '../pages/sign-in-page.tsx';

type GateMode = { kind: 'resume' } | { kind: 'page'; notice: SignInNotice };

function decide(): GateMode {
  const reason = accessToken.lastSignedOutReason();
  if (reason === 'expired') return { kind: 'page', notice: 'expired' };
  if (reason === 'signed-out') return { kind: 'page', notice: 'signed-out' };
  if (hasSignedInHint(window.localStorage) && mayAutoResume(window.sessionStorage, Date.now())) return { kind: 'resume' };
  return { kind: 'page', notice: null };
}

export function SignInGate({ returnTo }: { returnTo: string }) {
  const [mode, setMode] = useState<GateMode>(decide);
  if (mode.kind === 'resume') return <AutoResume returnTo={returnTo} onGiveUp={() => setMode({ kind: 'page', notice: null })} />;
  return <SignInPage returnTo={returnTo} notice={mode.notice} />;
}

function AutoResume({ returnTo, onGiveUp }: { returnTo: string; onGiveUp: () => void }) {
  const t = useMessages(authMessages);
  const config = useQuery({ ...configQueries.public(), throwOnError: false });
  const started = useRef(false);

  // The sign-in code loads while the public config does.
  useEffect(preloadStartSignIn, []);

  useEffect(() => {
    if (config.isError) {
      onGiveUp();
      return;
    }
    if (!config.data || started.current) return;
    started.current = true;
    const data = config.data;
    loadStartSignIn()
      .then(({ startSignIn }) => startSignIn({ config: data, returnTo, auto: true }))
      .catch(onGiveUp);
  }, [config.data, config.isError, returnTo, onGiveUp]);

  return (
    <section className="page page--narrow">
      <Spinner label={t.resuming} />
    </section>
  );
}
