/**
 * Two small non-secret markers that make session resume work without storing the token
 * (docs/decisions/0009-the-access-token-lives-in-memory-only.md): "was signed in" (localStorage, survives a reload; removed on
 * sign-out) and "an automatic resume started at" (sessionStorage, this tab only) — the loop guard that stops
 * a resume that keeps coming back without a token from bouncing the user around.
 */

const SIGNED_IN_HINT_KEY = 'firmafon-dashboard.was-signed-in';
const AUTO_RESUME_KEY = 'firmafon-dashboard.auto-resume-at';
/** After an automatic resume, another one is not started in this tab for this long unless it succeeded. */
export const AUTO_RESUME_GUARD_MS = 60_000;

/** Storage can be unavailable (privacy settings, quota); resume then simply does not happen (undefined). */
function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

export function hasSignedInHint(storage: Storage): boolean {
  return safely(() => storage.getItem(SIGNED_IN_HINT_KEY) === '1') === true;
}

export function setSignedInHint(storage: Storage): void {
  safely(() => storage.setItem(SIGNED_IN_HINT_KEY, '1'));
}

export function clearSignedInHint(storage: Storage): void {
  safely(() => storage.removeItem(SIGNED_IN_HINT_KEY));
}

/** True unless an automatic resume started in this tab within the guard window and has not succeeded since. */
export function mayAutoResume(storage: Storage, now: number): boolean {
  return (
    safely(() => {
      const startedAt = Number(storage.getItem(AUTO_RESUME_KEY));
      return !startedAt || now < startedAt || now - startedAt > AUTO_RESUME_GUARD_MS;
    }) === true
  );
}

export function markAutoResumeStarted(storage: Storage, now: number): void {
  safely(() => storage.setItem(AUTO_RESUME_KEY, String(now)));
}

export function clearAutoResume(storage: Storage): void {
  safely(() => storage.removeItem(AUTO_RESUME_KEY));
}

/** A page load without a token signs in again through Firmafon without a click: hint present, loop guard clear. */
export function shouldAutoResume(localStorage: Storage, sessionStorage: Storage, now: number): boolean {
  return hasSignedInHint(localStorage) && mayAutoResume(sessionStorage, now);
}
