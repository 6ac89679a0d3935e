/**
 * The header's signed-in part: the employee's name, my do-not-disturb, the language switch, "Sign out" and the
 * navigation bar.
 * Loaded lazily (root-layout.tsx), and early — with the callback's code (routes/preload-callback.ts) — so the
 * sign-in page does not carry it and a signed-in page does not wait for it.
 */
import { lazy, Suspense } from 'react';
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

export default function SignedInHeader() {
  return (
    <QueryProvider>
      <div className="app-header__tools">
        <EmployeeName />
        {/* Its place is kept while it loads, so the tools do not wrap to a new line under the person's eyes. */}
        <Suspense fallback={<span className="dnd-placeholder" aria-hidden="true" />}>
          <MyDoNotDisturb />
        </Suspense>
        <LanguageSwitch />
        <SignOutButton />
      </div>
      <NavBar />
    </QueryProvider>
  );
}
