/**
 * The header's signed-in part: the employee's name, my do-not-disturb, "Also notify me", the language switch,
 * "Sign out", the incoming call notice and the navigation bar.
 * Loaded lazily (root-layout.tsx), and early — with the callback's code (routes/preload-callback.ts) — so the
 * sign-in page does not carry it and a signed-in page does not wait for it.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { EmployeeName } from '@/features/auth/components/employee-name.tsx';
import { SignOutButton } from '@/features/auth/components/sign-out-button.tsx';
import QueryProvider from '../query-provider.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NavBar } from './nav-bar.tsx';

/**
 * My do-not-disturb loads after the header itself (a chunk of its own, like a navigation badge): the header never
 * waits for its write and team code. If its code fails to load, the header goes on without it.
 */
const MyDoNotDisturb = lazy(() =>
  import('@/features/team/components/my-do-not-disturb.tsx').then(
    (module) => ({ default: module.MyDoNotDisturb }),
    () => ({ default: () => null }),
  ),
);

/** The incoming call notice and its "Also notify me" toggle: one chunk of their own, loaded the same way. */
const loadIncomingCall = () => import('@/features/team/components/incoming-call-notice.tsx');
const nothing: { default: ComponentType } = { default: () => null };
const IncomingCallNotice = lazy(() => loadIncomingCall().then((module) => ({ default: module.IncomingCallNotice }), () => nothing));
const CallNotifyToggle = lazy(() => loadIncomingCall().then((module) => ({ default: module.CallNotifyToggle }), () => nothing));

export default function SignedInHeader() {
  return (
    <QueryProvider>
      {/* One row on a wide screen; on a phone the name beside the product name and two rows of their own, which the
          callback page keeps free (root-layout.tsx), so the header does not change height when these arrive. */}
      <div className="app-header__tools">
        <EmployeeName />
        <div className="app-header__tool-row">
          {/* Its place is kept while it loads, so what follows does not move under the person's eyes. */}
          <Suspense fallback={<span className="dnd-placeholder" aria-hidden="true" />}>
            <MyDoNotDisturb />
          </Suspense>
          <Suspense fallback={null}>
            <CallNotifyToggle />
          </Suspense>
        </div>
        <div className="app-header__tool-row">
          <LanguageSwitch />
          <SignOutButton />
        </div>
      </div>
      <Suspense fallback={null}>
        <IncomingCallNotice />
      </Suspense>
      <NavBar />
    </QueryProvider>
  );
}
