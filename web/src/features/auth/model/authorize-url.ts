/**
 * Builds the authorization request URL (RFC 6749 §4.1.1, with RFC 7636 §4.3 when PKCE is on). The base URL
 * comes from the public config; parameters already on it are kept, ours replace any of the same name (and a
 * challenge on it is removed when we send none).
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
  const ours = {
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: codeChallenge && 'S256',
  };
  for (const [name, value] of Object.entries(ours)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  return url.toString();
}

/** The redirect URI: the config's (deploy previews) or this origin's own callback. */
export function resolveRedirectUri(configured: string | null, origin: string, callbackPath: string): string {
  return configured ?? `${origin}${callbackPath}`;
}
