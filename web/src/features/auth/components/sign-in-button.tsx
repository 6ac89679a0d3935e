/**
 * "Sign in with Firmafon": records a pending sign-in and leaves for Firmafon. The public config is usually
 * already cached (the sign-in page loads it), so the click goes straight out.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, type ButtonVariant } from '../../../components/ui/button.tsx';
import { useMessages } from '../../../lib/i18n.tsx';
import { configQueries } from '../api/get-public-config.ts';
import { authMessages } from '../messages.ts';
import { startSignIn } from '../start-sign-in.ts';

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

  async function handleClick() {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const config = await queryClient.ensureQueryData(configQueries.public());
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
