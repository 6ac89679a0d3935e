/**
 * Starts an authorization request (RFC 6749 §4.1.1 + RFC 7636): records the pending sign-in for this tab,
 * then leaves for Firmafon. Browser-only (sessionStorage, crypto, location).
 */
import type { PublicConfig } from '@common/public-config.ts';
import { CALLBACK_PATH } from '@common/routes.ts';
import { getRelayState } from '../api/get-relay-state.ts';
import { buildAuthorizeUrl, resolveRedirectUri } from './authorize-url.ts';
import { createPendingSignInStore } from './pending-sign-in-store.ts';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce.ts';
import { safeReturnTo } from './return-to.ts';
import { markAutoResumeStarted } from './session-hint.ts';

export interface StartSignInOptions {
  config: PublicConfig;
  /** The dashboard path (with query string) to come back to. */
  returnTo: string;
  /** True for session resume (no click); arms the loop guard. */
  auto?: boolean;
}

/** Builds the authorize URL and records the pending sign-in; `startSignIn` also navigates. */
export async function prepareSignIn({ config, returnTo, auto = false }: StartSignInOptions): Promise<string> {
  // A deploy preview signs in through the production relay: its state is the tab's nonce signed for this origin.
  const state = config.redirectUri === null ? createState() : await getRelayState(createState());
  const codeVerifier = config.pkce ? createCodeVerifier() : undefined;
  const codeChallenge = codeVerifier ? await codeChallengeS256(codeVerifier) : undefined;
  const redirectUri = resolveRedirectUri(config.redirectUri, window.location.origin, CALLBACK_PATH);
  const now = Date.now();
  createPendingSignInStore(window.sessionStorage).save({
    state,
    ...(codeVerifier ? { codeVerifier } : {}),
    redirectUri,
    returnTo: safeReturnTo(returnTo),
    createdAt: now,
    stateMode: config.stateMode,
    auto,
  });
  if (auto) markAutoResumeStarted(window.sessionStorage, now);
  return buildAuthorizeUrl({ authorizeUrl: config.authorizeUrl, clientId: config.clientId, redirectUri, state, codeChallenge });
}

export async function startSignIn(options: StartSignInOptions): Promise<void> {
  window.location.assign(await prepareSignIn(options));
}
