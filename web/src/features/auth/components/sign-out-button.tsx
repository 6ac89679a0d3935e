/**
 * Sign out: forget the token and the resume hint, back to the sign-in page. The app clears the cached data when
 * the token goes (app/providers.tsx).
 */
import { useNavigate } from 'react-router-dom';
import { Button } from '@/shared/ui/button.tsx';
import { accessToken } from '@/lib/access-token.ts';
import { useMessages } from '@/lib/i18n.tsx';
import { authMessages } from '../messages.ts';
import { clearAutoResume, clearSignedInHint } from '../model/session-hint.ts';

export function SignOutButton() {
  const t = useMessages(authMessages);
  const navigate = useNavigate();

  function signOut() {
    clearSignedInHint(window.localStorage);
    clearAutoResume(window.sessionStorage);
    accessToken.clear('signed-out');
    void navigate('/', { replace: true });
  }

  return (
    <Button variant="secondary" size="sm" onClick={signOut}>
      {t.signOut}
    </Button>
  );
}
