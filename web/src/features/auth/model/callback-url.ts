/**
 * Takes Firmafon's answer out of the address bar the moment the app starts on /auth/callback (RFC 9700
 * §4.2.4): the parameters are kept in this module's memory for the callback page, and the URL and this
 * history entry lose the code and state before anything else runs. Part of the entry bundle; the rest of
 * the callback's work loads on demand.
 */
import { CALLBACK_PATH } from '@common/routes.ts';
import type { CallbackParams } from './verify-callback.ts';

let captured: CallbackParams | null = null;

/** If this is /auth/callback with a query, keeps its parameters and scrubs the URL. True when it did. */
export function captureCallbackUrl(): boolean {
  const { pathname, search } = window.location;
  if (pathname !== CALLBACK_PATH || !search) return false;
  const query = new URLSearchParams(search);
  captured = { code: query.get('code'), state: query.get('state'), error: query.get('error'), errorDescription: query.get('error_description') };
  window.history.replaceState(window.history.state, '', CALLBACK_PATH);
  return true;
}

/** The captured parameters, handed out once (a second caller gets null). */
export function takeCapturedCallbackParams(): CallbackParams | null {
  captureCallbackUrl();
  const params = captured;
  captured = null;
  return params;
}
