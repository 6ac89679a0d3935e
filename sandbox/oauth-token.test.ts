import { describe, expect, it } from 'vitest';
import { pkcePair } from './client.ts';
import {
  CLIENT,
  getJson,
  obtainCode,
  OTHER_CLIENT,
  postToken,
  REDIRECT_URI,
  sandboxPerTest,
} from './test-support.ts';

const sandbox = sandboxPerTest();

const grant = (code: string, extra: Record<string, string> = {}): Record<string, string> => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: REDIRECT_URI,
  client_id: CLIENT.clientId,
  client_secret: CLIENT.clientSecret,
  ...extra,
});

const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function errorOf(res: Response): Promise<string> {
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error?: string; error_description?: string };
  expect(typeof body.error_description).toBe('string');
  return body.error ?? '';
}

describe('POST /api/v2/token', () => {
  it('exchanges a code sent in a form body for a Bearer token, with no-store and no expiry or refresh token', async () => {
    const res = await postToken(sandbox.url, grant(await obtainCode(sandbox.url)));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'created_at', 'token_type']);
    expect(body.token_type).toBe('Bearer');
    expect(body.created_at).toBe(Math.floor(Date.parse('2026-11-27T13:30:00Z') / 1000));
    expect(String(body.access_token)).toMatch(/^[A-Za-z0-9_-]{43,}$/);
  });

  it('exchanges a code sent in the query string, as Firmafon documents it', async () => {
    const res = await postToken(sandbox.url, grant(await obtainCode(sandbox.url)), { query: true });
    expect(res.status).toBe(200);
  });

  it('lets the body win over the query string when both carry a parameter', async () => {
    const code = await obtainCode(sandbox.url);
    const res = await fetch(`${sandbox.url}/api/v2/token?code=wrong-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(grant(code)).toString(),
    });
    expect(res.status).toBe(200);
  });

  it('refuses a JSON body with invalid_request', async () => {
    const res = await fetch(`${sandbox.url}/api/v2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(grant(await obtainCode(sandbox.url))),
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('invalid_request');
  });

  it('answers a missing parameter with invalid_request', async () => {
    const code = await obtainCode(sandbox.url);
    for (const missing of ['grant_type', 'code', 'redirect_uri']) {
      const fields = grant(code);
      delete fields[missing];
      const res = await postToken(sandbox.url, fields);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe('invalid_request');
    }
  });

  it('answers a wrong secret or unknown client with 401 invalid_client', async () => {
    const code = await obtainCode(sandbox.url);
    const extras: Array<Record<string, string>> = [{ client_secret: 'wrong' }, { client_id: 'nobody' }, { client_secret: '' }];
    for (const extra of extras) {
      const res = await postToken(sandbox.url, grant(code, extra));
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toBe('invalid_client');
    }
  });

  it('accepts HTTP Basic client authentication', async () => {
    const { client_id: _id, client_secret: _secret, ...fields } = grant(await obtainCode(sandbox.url));
    const res = await postToken(sandbox.url, fields, { headers: { authorization: basic(CLIENT.clientId, CLIENT.clientSecret) } });
    expect(res.status).toBe(200);
  });

  it('answers wrong Basic credentials with 401 invalid_client and a Basic challenge', async () => {
    const { client_id: _id, client_secret: _secret, ...fields } = grant(await obtainCode(sandbox.url));
    const res = await postToken(sandbox.url, fields, { headers: { authorization: basic(CLIENT.clientId, 'nope') } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await errorOf(res)).toBe('invalid_client');
  });

  it('refuses two client authentication methods at once', async () => {
    const res = await postToken(sandbox.url, grant(await obtainCode(sandbox.url)), {
      headers: { authorization: basic(CLIENT.clientId, CLIENT.clientSecret) },
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('invalid_request');
  });

  it('answers another grant type with unsupported_grant_type', async () => {
    const res = await postToken(sandbox.url, grant('x', { grant_type: 'client_credentials' }));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('unsupported_grant_type');
  });

  it('refuses an unknown code with invalid_grant', async () => {
    const res = await postToken(sandbox.url, grant('not-a-code'));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('invalid_grant');
  });

  it('accepts a code only once and revokes the token issued for it when it is replayed', async () => {
    const code = await obtainCode(sandbox.url);
    const first = await postToken(sandbox.url, grant(code));
    const { access_token: token } = (await first.json()) as { access_token: string };
    expect((await getJson(`${sandbox.url}/api/v2/employee`, token)).status).toBe(200);
    const second = await postToken(sandbox.url, grant(code));
    expect(second.status).toBe(400);
    expect(await errorOf(second)).toBe('invalid_grant');
    expect((await getJson(`${sandbox.url}/api/v2/employee`, token)).status).toBe(401);
  });

  it('accepts a code just before ten minutes and refuses it after', async () => {
    const early = await obtainCode(sandbox.url);
    sandbox.advance(10 * 60 * 1000 - 1000);
    expect((await postToken(sandbox.url, grant(early))).status).toBe(200);
    const late = await obtainCode(sandbox.url);
    sandbox.advance(10 * 60 * 1000 + 1000);
    const res = await postToken(sandbox.url, grant(late));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('invalid_grant');
  });

  it('binds a code to its redirect_uri', async () => {
    const code = await obtainCode(sandbox.url);
    const res = await postToken(sandbox.url, grant(code, { redirect_uri: CLIENT.redirectUris[1] ?? '' }));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('invalid_grant');
  });

  it('binds a code to the client it was issued to', async () => {
    const code = await obtainCode(sandbox.url);
    const res = await postToken(
      sandbox.url,
      grant(code, { client_id: OTHER_CLIENT.clientId, client_secret: OTHER_CLIENT.clientSecret }),
    );
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('invalid_grant');
  });

  it('verifies an S256 code_verifier: the right one works, a wrong or missing one is invalid_grant', async () => {
    const { verifier, challenge } = pkcePair();
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    const wrong = await postToken(sandbox.url, grant(await obtainCode(sandbox.url, pkce), { code_verifier: pkcePair().verifier }));
    expect(wrong.status).toBe(400);
    expect(await errorOf(wrong)).toBe('invalid_grant');
    const missing = await postToken(sandbox.url, grant(await obtainCode(sandbox.url, pkce)));
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toBe('invalid_grant');
    const right = await postToken(sandbox.url, grant(await obtainCode(sandbox.url, pkce), { code_verifier: verifier }));
    expect(right.status).toBe(200);
  });

  it('verifies a plain challenge, the default when no method is sent', async () => {
    const { verifier } = pkcePair();
    const wrong = await postToken(sandbox.url, grant(await obtainCode(sandbox.url, { code_challenge: verifier }), { code_verifier: pkcePair().verifier }));
    expect(wrong.status).toBe(400);
    const right = await postToken(sandbox.url, grant(await obtainCode(sandbox.url, { code_challenge: verifier }), { code_verifier: verifier }));
    expect(right.status).toBe(200);
  });

  it('ignores a code_verifier for a code issued without a challenge', async () => {
    const res = await postToken(sandbox.url, grant(await obtainCode(sandbox.url), { code_verifier: pkcePair().verifier }));
    expect(res.status).toBe(200);
  });

  it('answers GET with 405 and Allow: POST', async () => {
    const res = await fetch(`${sandbox.url}/api/v2/token`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
