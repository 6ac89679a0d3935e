/**
 * The header's signed-in part: the employee's name, my do-not-disturb, the language switch, "Sign out" and the
 * navigation bar.
 * Loaded lazily (root-layout.tsx), and early — with the callback's code (routes/preload-callback.ts) — so the
 * sign-in page does not carry it and a signed-in page does not wait for it.
 */
import { EmployeeName } from '@/features/auth/components/employee-name.tsx';
import { SignOutButton } from '@/features/auth/components/sign-out-button.tsx';
import { MyDoNotDisturb } from '@/features/team/components/my-do-not-disturb.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NavBar } from './nav-bar.tsx';

export default function SignedInHeader() {
  return (
    <>
      <div className="app-header__tools">
        <EmployeeName />
        <MyDoNotDisturb />
        <LanguageSwitch />
        <SignOutButton />
      </div>
      <NavBar />
    </>
  );
}
