/**
 * Starts an authorization request (RFC 6749 §4.1.1 + RFC 7636): records the pending sign-in for this tab,
 * then leaves for Firmafon. Every sign-in has a secret verifier that stays in this tab; the `state` (or, on a deploy
 * preview, the relay state's nonce) is derived from it, so the code that comes back can be redeemed only with this
 * tab's secret (docs/decisions/0011). With PKCE on, the same verifier is also Firmafon's code_verifier.
 * Browser-only (sessionStorage, crypto, location).
 */
import type { PublicConfig } from '@common/public-config.ts';
import { CALLBACK_PATH } from '@common/routes.ts';
import { bindingState, relayNonce } from '@common/sign-in-binding.ts';
import { getRelayState } from '../api/get-relay-state.ts';
import { buildAuthorizeUrl, resolveRedirectUri } from './authorize-url.ts';
import { createPendingSignInStore } from './pending-sign-in-store.ts';
import { codeChallengeS256, createCodeVerifier } from './pkce.ts';
import { safeReturnTo } from './return-to.ts';
import { markAutoResumeStarted } from './session-hint.ts';

export interface StartSignInOptions {
  config: PublicConfig;
  /** The dashboard path (with query string) to come back to. */
  returnTo: string;
  /** True for session resume (no click); arms the loop guard. */
  auto?: boolean;
}

/** Records the pending sign-in and leaves for Firmafon's authorize URL. */
export async function startSignIn({ config, returnTo, auto = false }: StartSignInOptions): Promise<void> {
  const now = Date.now();
  const codeVerifier = createCodeVerifier();
  // A deploy preview signs in through the production relay: its state is a nonce derived from the verifier, signed
  // for this origin by its own function.
  const state =
    config.redirectUri === null ? await bindingState(codeVerifier, Math.floor(now / 1000)) : await getRelayState(await relayNonce(codeVerifier));
  const codeChallenge = config.pkce ? await codeChallengeS256(codeVerifier) : undefined;
  const redirectUri = resolveRedirectUri(config.redirectUri, window.location.origin, CALLBACK_PATH);
  const { sessionStorage } = window;
  createPendingSignInStore(sessionStorage).save({
    state,
    codeVerifier,
    redirectUri,
    returnTo: safeReturnTo(returnTo),
    createdAt: now,
    stateMode: config.stateMode,
    auto,
  });
  if (auto) markAutoResumeStarted(sessionStorage, now);
  window.location.assign(buildAuthorizeUrl({ authorizeUrl: config.authorizeUrl, clientId: config.clientId, redirectUri, state, codeChallenge }));
}
