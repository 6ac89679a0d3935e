/**
 * "Sign in with Firmafon": records a pending sign-in and leaves for Firmafon. The public config and the
 * sign-in code are usually already loaded (the page fetches both when it shows), so the click goes straight out.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Alert } from '@/shared/ui/alert.tsx';
import { Button, type ButtonVariant } from '@/shared/ui/button.tsx';
import { useMessages } from '@/lib/i18n.tsx';
import { configQueries } from '../api/get-public-config.ts';
import { authMessages } from '../messages.ts';
import { loadStartSignIn, preloadStartSignIn } from '../model/load-start-sign-in.ts';

export interface SignInButtonProps {
  returnTo: string;
  label?: string;
  variant?: ButtonVariant;
}

export function SignInButton({ returnTo, label, variant = 'primary' }: SignInButtonProps) {
  const t = useMessages(authMessages);
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  // The sign-in code is not part of the first paint; it loads while the person reads the page.
  useEffect(preloadStartSignIn, []);

  async function handleClick() {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const [config, { startSignIn }] = await Promise.all([queryClient.ensureQueryData(configQueries.public()), loadStartSignIn()]);
      await startSignIn({ config, returnTo });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant={variant} onClick={() => void handleClick()} aria-disabled={busy || undefined}>
        {label ?? t.signInButton}
      </Button>
      {busy ? <p className="muted" role="status">{t.redirecting}</p> : null}
      {failed ? <Alert tone="danger">{t.configFailed}</Alert> : null}
    </>
  );
}
