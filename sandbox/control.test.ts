import { describe, expect, it } from 'vitest';
import { authorizePath, decide, logIn, pkcePair, SandboxBrowser } from './client.ts';
import {
  CLIENT,
  getJson,
  NOW,
  obtainRedirect,
  obtainToken,
  postToken,
  REDIRECT_URI,
  sandboxPerTest,
} from './test-support.ts';

const sandbox = sandboxPerTest({ calls: 80 });

async function control(action: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sandbox.url}/sandbox/control/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

async function callUuids(token: string, query = 'limit=100'): Promise<string[]> {
  const { body } = await getJson(`${sandbox.url}/api/v2/calls?${query}`, token);
  return (body as { calls: Array<{ call_uuid: string }> }).calls.map((c) => c.call_uuid);
}

describe('the control API', () => {
  it('resets tokens and regenerates data with new settings, falling back to the start options', async () => {
    const before = await callUuids(await obtainToken(sandbox.url));
    expect(before).toHaveLength(80);
    expect(await control('reset', { calls: 12, seed: 99 })).toEqual({ status: 200, json: { ok: true } });
    const token = await obtainToken(sandbox.url);
    const after = await callUuids(token);
    expect(after).toHaveLength(12);
    expect(after[0]).not.toBe(before[0]);
    await control('reset');
    expect(await callUuids(await obtainToken(sandbox.url))).toEqual(before);
    expect((await getJson(`${sandbox.url}/api/v2/employee`, token)).status).toBe(401);
  });

  it('accepts a POST with no body and no content type', async () => {
    const res = await fetch(`${sandbox.url}/sandbox/control/revoke-all`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revoked: 0 });
  });

  it('refuses requests a browser makes for another site', async () => {
    const attempts: Array<Record<string, string>> = [{ origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of attempts) {
      const res = await fetch(`${sandbox.url}/sandbox/control/reset`, { method: 'POST', headers });
      expect(res.status).toBe(403);
    }
  });

  it('refuses unknown fields, wrong types and non-JSON requests', async () => {
    expect((await control('reset', { calls: 'many' })).status).toBe(400);
    expect((await control('reset', { dataset: 'huge' })).status).toBe(400);
    expect((await control('settings', { typo: true })).status).toBe(400);
    const form = await fetch(`${sandbox.url}/sandbox/control/revoke-all`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    const get = await fetch(`${sandbox.url}/sandbox/control/reset`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('reports how many tokens revoke-all revoked', async () => {
    await obtainToken(sandbox.url);
    await obtainToken(sandbox.url, 'lars@firmafon.test');
    expect(await control('revoke-all')).toEqual({ status: 200, json: { revoked: 2 } });
    expect(await control('revoke-all')).toEqual({ status: 200, json: { revoked: 0 } });
  });

  it('switches dropState and requirePkce without a reset', async () => {
    expect(await control('settings', { dropState: true })).toEqual({ status: 200, json: { dropState: true, requirePkce: false, latencyMs: 0 } });
    const location = await obtainRedirect(sandbox.url, { state: 's' });
    expect(location.searchParams.has('state')).toBe(false);
    await control('settings', { dropState: false, requirePkce: true });
    const res = await new SandboxBrowser(sandbox.url).get(
      authorizePath({ client_id: CLIENT.clientId, response_type: 'code', redirect_uri: REDIRECT_URI }),
    );
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('adds new incoming calls that start now and show up first', async () => {
    const token = await obtainToken(sandbox.url);
    sandbox.advance(90_000);
    const { status, json } = await control('add-calls', { count: 3 });
    expect(status).toBe(200);
    const added = (json as { calls: Array<{ call_uuid: string; started_at: string; direction: string }> }).calls;
    expect(added).toHaveLength(3);
    const expectedStart = Date.parse('2026-11-27T13:31:30Z');
    for (const call of added) {
      expect(Date.parse(call.started_at)).toBe(expectedStart);
      expect(call.direction).toBe('incoming');
    }
    const newest = await callUuids(token, 'limit=3');
    expect(newest.sort()).toEqual(added.map((c) => c.call_uuid).sort());
    expect((await callUuids(token, 'limit=100')).length).toBe(83);
  });

  it('sets the clock a call starts by, which runs on from there until a reset puts it back', async () => {
    const midnight = Date.parse('2026-11-27T22:59:00Z'); // 23:59 in Copenhagen
    expect(await control('clock', { nowMs: midnight })).toEqual({ status: 200, json: { now: '2026-11-27T22:59:00.000Z' } });
    sandbox.advance(90_000);
    const later = await control('add-calls', { count: 1 });
    expect((later.json as { calls: Array<{ started_at: string }> }).calls[0]?.started_at).toBe('2026-11-28T00:00:30+01:00');
    expect((await control('clock', { nowMs: -1 })).status).toBe(400);
    expect((await control('clock', { nowMs: 1.5 })).status).toBe(400);
    await control('reset');
    const afterReset = await control('add-calls', { count: 1 });
    expect(Date.parse((afterReset.json as { calls: Array<{ started_at: string }> }).calls[0]?.started_at ?? '')).toBe(NOW.getTime() + 90_000);
  });

  it('makes the next requests for one API path fail as asked, then answers normally; reset clears faults', async () => {
    const token = await obtainToken(sandbox.url);
    const [uuid] = await callUuids(token, 'limit=1');
    const path = `/calls/${uuid}`;
    expect((await control('fault', { path, status: 429, retryAfter: 7, times: 2 })).status).toBe(200);

    const first = await getJson(`${sandbox.url}/api/v2${path}`, token);
    expect([first.status, first.res.headers.get('retry-after'), first.body]).toEqual([429, '7', { status: 429, message: 'Too many requests' }]);
    // Another path is untouched.
    expect((await getJson(`${sandbox.url}/api/v2/employee`, token)).status).toBe(200);
    expect((await getJson(`${sandbox.url}/api/v2${path}`, token)).status).toBe(429);
    expect((await getJson(`${sandbox.url}/api/v2${path}`, token)).status).toBe(200);

    await control('fault', { path: '/employee', status: 503, times: 1 });
    const unavailable = await getJson(`${sandbox.url}/api/v2/employee`, token);
    expect([unavailable.status, unavailable.res.headers.get('retry-after')]).toEqual([503, null]);

    await control('fault', { path: '/employee', status: 500, times: 5 });
    await control('reset', {});
    const fresh = await obtainToken(sandbox.url);
    expect((await getJson(`${sandbox.url}/api/v2/employee`, fresh)).status).toBe(200);
  });

  it.each([
    [{ path: 'calls', status: 503, times: 1 }],
    [{ path: '/calls', status: 404, times: 1 }],
    [{ path: '/calls', status: 503, times: 0 }],
    [{ path: '/calls', status: 503, times: 1, extra: true }],
  ])('refuses a fault it cannot apply: %j', async (body) => {
    const { status, json } = await control('fault', body);
    expect([status, (json as { error: string }).error]).toEqual([400, 'invalid_request']);
  });

  it('logs authorize, token and API requests without codes, tokens or secrets', async () => {
    const { verifier, challenge } = pkcePair();
    const location = await obtainRedirect(sandbox.url, { code_challenge: challenge, code_challenge_method: 'S256' });
    const code = location.searchParams.get('code') ?? '';
    const grant = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret };
    await postToken(sandbox.url, { ...grant, code_verifier: pkcePair().verifier });
    const ok = await postToken(sandbox.url, { ...grant, code_verifier: verifier });
    const { access_token: token } = (await ok.json()) as { access_token: string };
    await getJson(`${sandbox.url}/api/v2/calls?access_token=${token}`);
    await getJson(`${sandbox.url}/api/v2/employee`, token);
    await getJson(`${sandbox.url}/api/v2/employee`);

    const res = await fetch(`${sandbox.url}/sandbox/control/log`);
    const text = await res.text();
    for (const secret of [code, token, CLIENT.clientSecret, verifier, challenge]) expect(text).not.toContain(secret);
    const log = JSON.parse(text) as {
      authorizeRequests: Array<Record<string, unknown>>;
      tokenRequests: Array<Record<string, unknown>>;
      apiRequests: Array<Record<string, unknown>>;
    };
    expect(log.authorizeRequests).toEqual([
      { at: expect.any(String), clientId: CLIENT.clientId, redirectUri: REDIRECT_URI, statePresent: true, codeChallengeMethod: 'S256' },
    ]);
    expect(log.tokenRequests.map((t) => [t.outcome, t.pkceVerified, t.codeVerifierPresent])).toEqual([
      ['invalid_grant', false, true],
      ['ok', true, true],
    ]);
    expect(log.apiRequests.map((a) => [a.path, a.authVia, a.status])).toEqual([
      ['/api/v2/calls', 'query', 200],
      ['/api/v2/employee', 'header', 200],
      ['/api/v2/employee', 'none', 401],
    ]);
  });
});

describe('the sandbox pages', () => {
  it('explains the sandbox, lists users and clients, and counts live tokens', async () => {
    await obtainToken(sandbox.url);
    for (const path of ['/', '/sandbox']) {
      const res = await fetch(`${sandbox.url}${path}`);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('<html lang="en">');
      expect(page).toContain('<title>Firmafon sandbox</title>');
      expect(page).toContain('mette@firmafon.test');
      expect(page).toContain(CLIENT.clientId);
      expect(page).toContain('Other &lt;b&gt;App&lt;/b&gt;');
      expect(page).not.toContain(CLIENT.clientSecret);
      expect(page).toContain('<span id="live-tokens">1</span>');
      expect(page).toContain('>Revoke all tokens</button>');
      expect(page).toContain('>Sign out of the sandbox</button>');
      expect(page).toContain('>Forget approvals</button>');
    }
  });

  it('revokes all tokens from the page button and says so', async () => {
    const token = await obtainToken(sandbox.url);
    const browser = new SandboxBrowser(sandbox.url);
    const res = await browser.postForm('/sandbox/revoke-all', []);
    expect(res.status).toBe(303);
    const back = await browser.get(res.headers.get('location') ?? '');
    expect(await back.text()).toContain('All tokens revoked');
    expect((await getJson(`${sandbox.url}/api/v2/employee`, token)).status).toBe(401);
  });

  it('refuses a page button pressed from another origin', async () => {
    const res = await fetch(`${sandbox.url}/sandbox/revoke-all`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(403);
  });

  it('signs the browser out so the next authorize shows the login form', async () => {
    const browser = new SandboxBrowser(sandbox.url);
    const path = authorizePath({ client_id: CLIENT.clientId, response_type: 'code', redirect_uri: REDIRECT_URI });
    const consent = await logIn(browser, path);
    await decide(browser, await consent.text(), 'authorize');
    expect((await browser.get(path)).status).toBe(302);
    await browser.postForm('/sandbox/sign-out', []);
    expect(browser.cookies.has('sandbox_session')).toBe(false);
    const again = await browser.get(path);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('>Log in</button>');
  });

  it('forgets approvals so consent is asked again', async () => {
    const browser = new SandboxBrowser(sandbox.url);
    const path = authorizePath({ client_id: CLIENT.clientId, response_type: 'code', redirect_uri: REDIRECT_URI });
    const consent = await logIn(browser, path);
    await decide(browser, await consent.text(), 'authorize');
    await browser.postForm('/sandbox/forget-approvals', []);
    const again = await browser.get(path);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Authorize Firmafon Dashboard?');
  });

  it('escapes hostile names on the consent page', async () => {
    await sandbox.restart({
      hostileNames: true,
      clients: [{ clientId: 'x', clientSecret: 'y', name: '<img src=x onerror=alert(1)>', redirectUris: [REDIRECT_URI] }],
    });
    const browser = new SandboxBrowser(sandbox.url);
    const res = await logIn(browser, authorizePath({ client_id: 'x', response_type: 'code', redirect_uri: REDIRECT_URI }));
    const page = await res.text();
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('Authorize &lt;img src=x onerror=alert(1)&gt;?');
  });
});
