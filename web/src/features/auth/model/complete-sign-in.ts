/**
 * The callback's work, once per authorization response (callback-url.ts has already read and scrubbed the
 * URL): verify the response against this tab's pending sign-ins (verify-callback.ts), consume the pending
 * sign-in, redeem the code through the token function, keep the token in memory only. The storages are
 * passed in (the browser's own in the app, in-memory ones in tests).
 */
import { accessToken } from '@/lib/access-token.ts';
import { exchangeCode } from '../api/exchange-code.ts';
import { takeCapturedCallbackParams } from './callback-url.ts';
import { createPendingSignInStore } from './pending-sign-in-store.ts';
import { DEFAULT_RETURN_TO, safeReturnTo } from './return-to.ts';
import { clearAutoResume, setSignedInHint } from './session-hint.ts';
import { problemFromProviderError, problemFromTokenError, type SignInProblem } from './sign-in-problem.ts';
import { verifyCallback, type CallbackParams } from './verify-callback.ts';

export type CallbackOutcome =
  | { kind: 'signed-in'; returnTo: string }
  /** Nothing to do here (a replay, or no parameters): leave quietly. */
  | { kind: 'leave' }
  | { kind: 'failed'; problem: SignInProblem; returnTo: string };

/**
 * What the page after the sign-in needs, loaded while the token request is in flight. It resolves to a function
 * that starts that page's requests; it is called in the same task that stores the token, so the requests go out
 * together the moment a token exists, however busy the CPU is.
 */
export type PrepareRequests = (returnTo: string) => Promise<() => void>;

export interface CallbackHooks {
  /** Called as soon as a response arrives (e.g. to start loading the next page's code). */
  onStart?: () => void;
  prepareRequests?: PrepareRequests;
}

const noRequests = () => () => undefined;

export interface CompleteSignInInput {
  params: CallbackParams;
  /** This tab's storage: its pending sign-ins, consumed states and the resume loop guard. */
  sessionStorage: Storage;
  /** The browser's storage: the non-secret "was signed in" hint. */
  localStorage: Storage;
  prepareRequests?: PrepareRequests | undefined;
  clock?: () => number;
}

export async function completeSignIn({
  params,
  sessionStorage,
  localStorage,
  prepareRequests = async () => noRequests(),
  clock = Date.now,
}: CompleteSignInInput): Promise<CallbackOutcome> {
  const store = createPendingSignInStore(sessionStorage, clock);
  const pendingSignIns = store.list();
  const result = verifyCallback({
    params,
    pendingSignIns,
    consumedStates: store.consumedStates(),
    // The deploy's mode as recorded when this tab's newest sign-in started; no sign-in → strictest.
    stateMode: pendingSignIns[0]?.stateMode ?? 'required',
    now: clock(),
  });
  if (result.pending) {
    store.remove(result.pending.state);
    store.markConsumed(result.pending.state);
  }
  if (!result.ok) {
    switch (result.code) {
      case 'replayed':
      case 'no_parameters':
        return { kind: 'leave' };
      case 'state_mismatch':
      case 'no_pending_sign_in':
        return { kind: 'failed', problem: 'not_started_here', returnTo: DEFAULT_RETURN_TO };
      case 'provider_error':
        return { kind: 'failed', problem: problemFromProviderError(result.providerError), returnTo: safeReturnTo(result.pending?.returnTo) };
      case 'missing_code':
        return { kind: 'failed', problem: 'missing_code', returnTo: safeReturnTo(result.pending?.returnTo) };
    }
  }
  const { pending } = result;
  const returnTo = safeReturnTo(pending.returnTo);
  // A page whose code failed to load fetches its own data when it renders.
  const startRequests = prepareRequests(returnTo).catch(noRequests);
  try {
    const [token, start] = await Promise.all([
      exchangeCode({ code: result.code, redirectUri: pending.redirectUri, codeVerifier: pending.codeVerifier, state: params.state }),
      startRequests,
    ]);
    accessToken.set(token.access_token);
    start();
  } catch (error) {
    return { kind: 'failed', problem: problemFromTokenError(error), returnTo };
  }
  setSignedInHint(localStorage);
  clearAutoResume(sessionStorage);
  return { kind: 'signed-in', returnTo };
}

let currentRun: Promise<CallbackOutcome> | null = null;

/**
 * The callback run for this page. The first call takes the captured parameters and starts the work; later
 * calls (React StrictMode's double render, a remount) get the same run instead of redeeming the code twice.
 */
export function getCallbackRun({ onStart, prepareRequests }: CallbackHooks = {}): Promise<CallbackOutcome> {
  const params = takeCapturedCallbackParams();
  if (params) {
    onStart?.();
    currentRun = completeSignIn({ params, sessionStorage: window.sessionStorage, localStorage: window.localStorage, prepareRequests });
    return currentRun;
  }
  return currentRun ?? Promise.resolve({ kind: 'leave' });
}

/** Called once the outcome has been acted on, so a later visit to a clean /auth/callback just leaves. */
export function forgetCallbackRun(): void {
  currentRun = null;
}
