/** The sign-in page: what the dashboard is, one button, and any reason the user is here again. */
import { Alert } from '@/shared/ui/alert.tsx';
import { Button } from '@/shared/ui/button.tsx';
import type { ErrorCode } from '@common/errors.ts';
import { ApiError } from '@/lib/api-error.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { usePublicConfig } from '../api/use-public-config.ts';
import { authMessages } from '../messages.ts';
import { SignInButton } from '../components/sign-in-button.tsx';

export type SignInNotice = 'signed-out' | 'expired' | null;

export function SignInPage({ returnTo, notice = null }: { returnTo: string; notice?: SignInNotice }) {
  const t = useMessages(authMessages);
  const config = usePublicConfig();
  const misconfigured = config.error instanceof ApiError && config.error.code === ('server_misconfigured' satisfies ErrorCode);

  return (
    <section className="page page--narrow card" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t.signInHeading}</h1>
      {notice === 'expired' ? <Alert tone="warning">{t.sessionEnded}</Alert> : null}
      {notice === 'signed-out' ? <Alert tone="success">{t.signedOut}</Alert> : null}
      <p>{t.signInIntro}</p>
      {misconfigured ? (
        <Alert tone="danger" title={t.notConnectedTitle}>
          <p>{t.notConnectedBody}</p>
        </Alert>
      ) : config.isError ? (
        <Alert
          tone="danger"
          actions={
            <Button variant="secondary" onClick={config.retry}>
              {t.retry}
            </Button>
          }
        >
          {t.configFailed}
        </Alert>
      ) : (
        <div className="stack-sm">
          <SignInButton returnTo={returnTo} />
        </div>
      )}
    </section>
  );
}
