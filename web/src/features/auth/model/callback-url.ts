/**
 * Takes Firmafon's answer out of the address bar the moment the app starts on /auth/callback (RFC 9700
 * §4.2.4): the parameters are kept in this module's memory for the callback page, and the URL and this
 * history entry lose the code and state before anything else runs. Part of the entry bundle; the rest of
 * the callback's work loads on demand.
 */
import { CALLBACK_PATH } from '@common/routes.ts';
import type { CallbackParams } from './verify-callback.ts';

let captured: CallbackParams | null = null;

export function readCallbackParams(search: string): CallbackParams {
  const query = new URLSearchParams(search);
  return {
    code: query.get('code'),
    state: query.get('state'),
    error: query.get('error'),
    errorDescription: query.get('error_description'),
  };
}

/** If this is /auth/callback with a query, keeps its parameters and scrubs the URL. True when it did. */
export function captureCallbackUrl(): boolean {
  if (window.location.pathname !== CALLBACK_PATH || window.location.search === '') return false;
  captured = readCallbackParams(window.location.search);
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
