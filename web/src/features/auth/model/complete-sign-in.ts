/**
 * The callback's work, once per authorization response (callback-url.ts has already read and scrubbed the
 * URL): verify the response against this tab's pending sign-ins (verify-callback.ts), consume the pending
 * sign-in, redeem the code through the token function, hand the token to the app's in-memory store. The storages
 * are passed in (the browser's own in the app, in-memory ones in tests). The first script (boot.ts) starts this
 * before the app has loaded, so it imports nothing of the app: the token store arrives through `prepareForToken`.
 */
import { exchangeCode } from '../api/exchange-code.ts';
import { takeCapturedCallbackParams } from './callback-url.ts';
import { createPendingSignInStore } from './pending-sign-in-store.ts';
import { safeReturnTo } from './return-to.ts';
import { clearAutoResume, setSignedInHint } from './session-hint.ts';
import { problemFromProviderError, problemFromTokenError, type SignInProblem } from './sign-in-problem.ts';
import { verifyCallback, type CallbackParams } from './verify-callback.ts';

export type CallbackOutcome =
  | { kind: 'signed-in'; returnTo: string }
  /** Nothing to do here (a replay, or no parameters): leave quietly. */
  | { kind: 'leave' }
  | { kind: 'failed'; problem: SignInProblem; returnTo: string };

/**
 * Readies the app for the token while the token request is in flight: loads the token store (lib/access-token.ts)
 * and what the page after the sign-in needs. It resolves to a function that stores the token and starts that page's
 * requests in one task, so they go out together the moment a token exists, however busy the CPU is.
 */
export type PrepareForToken = (returnTo: string) => Promise<(token: string) => void>;

export interface CallbackHooks {
  /** Called as soon as a response arrives (e.g. to start loading the next page's code). */
  onStart?: () => void;
  prepareForToken?: PrepareForToken;
}

/** Stores the token and starts nothing else (a page whose code failed to load fetches its data when it renders). */
const storeTokenOnly: PrepareForToken = async () => {
  const { accessToken } = await import('@/lib/access-token.ts');
  return (token) => accessToken.set(token);
};

export interface CompleteSignInInput {
  params: CallbackParams;
  /** This tab's storage: its pending sign-ins, consumed states and the resume loop guard. */
  sessionStorage: Storage;
  /** The browser's storage: the non-secret "was signed in" hint. */
  localStorage: Storage;
  prepareForToken?: PrepareForToken | undefined;
  clock?: () => number;
}

export async function completeSignIn({
  params,
  sessionStorage,
  localStorage,
  prepareForToken = storeTokenOnly,
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
  // A refused response that matched no pending sign-in has no page to return to: the default one.
  const returnTo = safeReturnTo(result.pending?.returnTo);
  if (!result.ok) {
    const { code } = result;
    if (code === 'replayed' || code === 'no_parameters') return { kind: 'leave' };
    const problem =
      code === 'provider_error' ? problemFromProviderError(result.providerError) : code === 'missing_code' ? code : 'not_started_here';
    return { kind: 'failed', problem, returnTo };
  }
  const { pending } = result;
  const ready = prepareForToken(returnTo).catch(() => storeTokenOnly(returnTo));
  try {
    const [token, receive] = await Promise.all([
      exchangeCode({ code: result.code, redirectUri: pending.redirectUri, codeVerifier: pending.codeVerifier, state: params.state }),
      ready,
    ]);
    receive(token.access_token);
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
export function getCallbackRun({ onStart, prepareForToken }: CallbackHooks = {}): Promise<CallbackOutcome> {
  const params = takeCapturedCallbackParams();
  if (params) {
    onStart?.();
    currentRun = completeSignIn({ params, sessionStorage: window.sessionStorage, localStorage: window.localStorage, prepareForToken });
    return currentRun;
  }
  return currentRun ?? Promise.resolve({ kind: 'leave' });
}

/** Called once the outcome has been acted on, so a later visit to a clean /auth/callback just leaves. */
export function forgetCallbackRun(): void {
  currentRun = null;
}
