/**
 * Builds the authorization request URL (RFC 6749 §4.1.1, with RFC 7636 §4.3 when PKCE is on). The base URL
 * comes from the public config; parameters already on it are kept, ours replace any of the same name.
 */

export interface AuthorizeRequest {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  /** S256 challenge; omitted when the deploy runs without PKCE. */
  codeChallenge?: string | undefined;
}

export function buildAuthorizeUrl({ authorizeUrl, clientId, redirectUri, state, codeChallenge }: AuthorizeRequest): string {
  const url = new URL(authorizeUrl);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  if (codeChallenge) {
    url.searchParams.set('code_challenge', codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  } else {
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
  }
  return url.toString();
}

/** The redirect URI: the config's (deploy previews) or this origin's own callback. */
export function resolveRedirectUri(configured: string | null, origin: string, callbackPath: string): string {
  return configured ?? `${origin}${callbackPath}`;
}
