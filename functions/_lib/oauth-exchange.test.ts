/** exchangeCode on its own: the request it sends and how it classifies Firmafon's answers. */
import { describe, expect, it } from 'vitest';
import { exchangeCode, type ExchangeCodeOptions } from './oauth-exchange.ts';
import { fakeFirmafonPerFile, json } from './test-support/fake-firmafon.ts';

const fake = fakeFirmafonPerFile();

const options = (overrides: Partial<ExchangeCodeOptions> = {}): ExchangeCodeOptions => ({
  tokenUrl: `${fake.url}/api/v2/token`,
  clientId: 'id',
  clientSecret: 'secret',
  code: 'the-code',
  redirectUri: 'https://dash.example/auth/callback',
  timeoutMs: 2000,
  ...overrides,
});

describe('exchangeCode', () => {
  it('posts the form without following redirects and with a timeout signal', async () => {
    let seen: RequestInit | undefined;
    const fakeFetch: typeof fetch = async (_url, init) => {
      seen = init;
      return Response.json({ access_token: 'tok' });
    };
    const result = await exchangeCode(options({ fetch: fakeFetch, codeVerifier: undefined }));
    expect(result).toEqual({ ok: true, value: { access_token: 'tok' } });
    expect(seen?.method).toBe('POST');
    expect(seen?.redirect).toBe('manual');
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
    expect(String(seen?.body)).toBe('grant_type=authorization_code&code=the-code&redirect_uri=https%3A%2F%2Fdash.example%2Fauth%2Fcallback&client_id=id&client_secret=secret');
  });

  it.each([
    [3600, 3600],
    ['3600', 3600],
    [0, undefined],
    [-1, undefined],
    [1.5, undefined],
    [null, undefined],
    ['soon', undefined],
  ])('reads expires_in %j as %j', async (expiresIn, expected) => {
    fake.script(json(200, { access_token: 'tok', expires_in: expiresIn }));
    const result = await exchangeCode(options());
    expect(result).toEqual({ ok: true, value: expected === undefined ? { access_token: 'tok' } : { access_token: 'tok', expires_in: expected } });
  });

  it('accepts a token without a token_type, or with any spelling of Bearer', async () => {
    fake.script(json(200, { access_token: 'tok', token_type: 'bearer' }));
    expect((await exchangeCode(options())).ok).toBe(true);
  });

  it('answers upstream_timeout when the body stalls after the headers', async () => {
    fake.script({ kind: 'stall', status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"access_token":' });
    const result = await exchangeCode(options({ timeoutMs: 150 }));
    expect(result).toMatchObject({ ok: false, failure: { status: 504, error: 'upstream_timeout' } });
  });

  it('answers upstream_invalid_response to a body too large to be a token response', async () => {
    fake.script(json(200, { access_token: 'tok', padding: 'x'.repeat(70_000) }));
    expect(await exchangeCode(options())).toMatchObject({ ok: false, failure: { status: 502, error: 'upstream_invalid_response' } });
  });

  it('answers upstream_unavailable when fetch itself fails', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await exchangeCode(options({ fetch: failing }))).toMatchObject({ ok: false, failure: { status: 502, error: 'upstream_unavailable' } });
  });
});
