import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, resolveRedirectUri } from './authorize-url.ts';

describe('buildAuthorizeUrl', () => {
  const base = {
    authorizeUrl: 'https://app.firmafon.dk/api/v2/authorize',
    clientId: 'client 1',
    redirectUri: 'https://dash.example/auth/callback',
    state: 'abc_-123',
  };

  it('asks for a code with client id, redirect URI and state, encoded', () => {
    const url = new URL(buildAuthorizeUrl(base));
    expect(url.origin + url.pathname).toBe('https://app.firmafon.dk/api/v2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client 1',
      response_type: 'code',
      redirect_uri: 'https://dash.example/auth/callback',
      state: 'abc_-123',
    });
    expect(buildAuthorizeUrl(base)).toContain('redirect_uri=https%3A%2F%2Fdash.example%2Fauth%2Fcallback');
  });

  it('adds the S256 challenge when PKCE is on', () => {
    const url = new URL(buildAuthorizeUrl({ ...base, codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' }));
    expect(url.searchParams.get('code_challenge')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('keeps parameters already on the configured URL but never lets them override ours', () => {
    const url = new URL(buildAuthorizeUrl({ ...base, authorizeUrl: 'https://x.test/authorize?locale=da&state=evil' }));
    expect(url.searchParams.get('locale')).toBe('da');
    expect(url.searchParams.getAll('state')).toEqual(['abc_-123']);
  });
});

describe('resolveRedirectUri', () => {
  it("uses this origin's callback unless the config names another", () => {
    expect(resolveRedirectUri(null, 'http://localhost:8888', '/auth/callback')).toBe('http://localhost:8888/auth/callback');
    expect(resolveRedirectUri('https://relay.example/auth/callback', 'http://localhost:8888', '/auth/callback')).toBe(
      'https://relay.example/auth/callback',
    );
  });
});
