/**
 * `/auth/callback`, loaded on demand (a person reaches it only after Firmafon, so the sign-in page does not carry
 * it). Lives in app/ because finishing a sign-in spans features. The first script (boot.ts) has already taken the
 * code out of the URL and started redeeming it (begin-callback.ts); this page shows the progress and the outcome of
 * that run, and starts one itself only when it was reached without the first script (a link inside the app).
 */
import { CallbackPage } from '@/features/auth/pages/callback-page.tsx';
import { callbackHooks } from './begin-callback.ts';

export default function CallbackRoute() {
  return <CallbackPage {...callbackHooks} />;
}
