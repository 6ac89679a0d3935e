/**
 * /auth/callback: Firmafon sends the browser back here with `code` and `state` (or `error`). The URL is
 * cleaned at once; the response is verified against this tab's pending sign-in before anything is sent to
 * the token function. Words for every failure; nothing raw is ever shown.
 */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert } from '@/shared/ui/alert.tsx';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { accessToken } from '@/lib/access-token.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { forgetCallbackRun, getCallbackRun, type CallbackHooks, type CallbackOutcome } from '../model/complete-sign-in.ts';
import { callbackMessages } from '../callback-messages.ts';
import { authMessages } from '../messages.ts';
import { describeProblem } from '../model/sign-in-problem.ts';
import { SignInButton } from '../components/sign-in-button.tsx';

export type CallbackPageProps = CallbackHooks;

export function CallbackPage({ onStart, prepareForToken }: CallbackPageProps) {
  const t = useMessages(callbackMessages);
  const authT = useMessages(authMessages);
  const navigate = useNavigate();
  // Read once per page (StrictMode renders twice; getCallbackRun hands back the same run).
  const [run] = useState(() => getCallbackRun({ onStart, prepareForToken }));
  const [failure, setFailure] = useState<Extract<CallbackOutcome, { kind: 'failed' }> | null>(null);

  useEffect(() => {
    let active = true;
    void run.then((outcome) => {
      if (!active) return;
      forgetCallbackRun();
      if (outcome.kind === 'signed-in') {
        void navigate(outcome.returnTo, { replace: true });
      } else if (outcome.kind === 'leave') {
        void navigate(accessToken.get() ? '/calls' : '/', { replace: true });
      } else {
        setFailure(outcome);
      }
    });
    return () => {
      active = false;
    };
  }, [run, navigate]);

  if (!failure) {
    return (
      <section className="page page--narrow">
        <Spinner label={t.signingIn} />
      </section>
    );
  }

  const isSafetyRefusal = failure.problem === 'not_started_here';
  return (
    <section className="page page--narrow card" aria-labelledby="callback-heading">
      <h1 id="callback-heading">{t.signInFailedHeading}</h1>
      <Alert tone={isSafetyRefusal || failure.problem === 'access_denied' ? 'warning' : 'danger'}>
        {describeProblem(failure.problem, t)}
      </Alert>
      <div className="stack-sm">
        <SignInButton returnTo={failure.returnTo} label={isSafetyRefusal ? authT.signInButton : t.tryAgain} />
      </div>
    </section>
  );
}
