/** Sign out: forget the token, the cached data and the resume hint; back to the sign-in page. */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { accessToken } from '../../../lib/access-token.ts';
import { useMessages } from '../../../lib/i18n.tsx';
import { authMessages } from '../messages.ts';
import { clearAutoResume, clearSignedInHint } from '../session-hint.ts';

export function SignOutButton() {
  const t = useMessages(authMessages);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  function signOut() {
    clearSignedInHint(window.localStorage);
    clearAutoResume(window.sessionStorage);
    accessToken.clear('signed-out');
    void queryClient.cancelQueries();
    queryClient.clear();
    void navigate('/', { replace: true });
  }

  return (
    <Button variant="secondary" size="sm" onClick={signOut}>
      {t.signOut}
    </Button>
  );
}
