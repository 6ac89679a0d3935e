/**
 * "Sign in with Firmafon": records a pending sign-in and leaves for Firmafon. The public config is usually already
 * loaded (the page fetches it when it shows) and the sign-in code came with the first script (boot.ts), so the
 * click goes straight out.
 */
import { useState } from 'react';
import { Alert } from '@/shared/ui/alert.tsx';
import { Button, type ButtonVariant } from '@/shared/ui/button.tsx';
import { useMessages } from '@/lib/i18n.tsx';
import { loadPublicConfig } from '@/shared/api/load-public-config.ts';
import { authMessages } from '../messages.ts';
import { startSignIn } from '../model/start-sign-in.ts';

export interface SignInButtonProps {
  returnTo: string;
  label?: string;
  variant?: ButtonVariant;
}

export function SignInButton({ returnTo, label, variant = 'primary' }: SignInButtonProps) {
  const t = useMessages(authMessages);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function handleClick() {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await startSignIn({ config: await loadPublicConfig(), returnTo });
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
