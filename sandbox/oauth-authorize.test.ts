import { describe, expect, it } from 'vitest';
import { authorizePath, decide, hiddenFields, logIn, pkcePair, SandboxBrowser } from './client.ts';
import {
  CLIENT,
  obtainRedirect,
  OTHER_CLIENT,
  REDIRECT_URI,
  sandboxPerTest,
} from './test-support.ts';

const sandbox = sandboxPerTest();

const base = (extra: Record<string, string> = {}): Record<string, string> => ({
  client_id: CLIENT.clientId,
  response_type: 'code',
  redirect_uri: REDIRECT_URI,
  state: 'xyz',
  ...extra,
});

describe('GET /api/v2/authorize', () => {
  it('answers an unknown client_id with a 400 error page and no redirect', async () => {
    const res = await new SandboxBrowser(sandbox.url).get(authorizePath(base({ client_id: 'nobody' })));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('invalid_client');
  });

  it('answers an unregistered redirect_uri with a 400 error page and no redirect', async () => {
    for (const uri of ['http://evil.example/cb', `${REDIRECT_URI}/`, `${REDIRECT_URI}?x=1`, 'HTTP://localhost:5173/auth/callback']) {
      const res = await new SandboxBrowser(sandbox.url).get(authorizePath(base({ redirect_uri: uri })));
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('does not accept another client’s registered redirect_uri', async () => {
    const res = await new SandboxBrowser(sandbox.url).get(authorizePath(base({ redirect_uri: OTHER_CLIENT.redirectUris[0] ?? '' })));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('redirects an unsupported response_type back with unsupported_response_type and the state', async () => {
    const res = await new SandboxBrowser(sandbox.url).get(authorizePath(base({ response_type: 'token' })));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe('unsupported_response_type');
    expect(location.searchParams.get('state')).toBe('xyz');
  });

  it('shows a login form with labelled fields, the sandbox users and the request carried in hidden fields', async () => {
    const res = await new SandboxBrowser(sandbox.url).get(authorizePath(base({ state: 'a b&c=d/ø' })));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<label for="email">Email</label>');
    expect(page).toContain('<label for="password">Password</label>');
    expect(page).toContain('>Log in</button>');
    expect(page).toContain('mette@firmafon.test');
    expect(page).toContain('lars@firmafon.test');
    expect(Object.fromEntries(hiddenFields(page))).toEqual(base({ state: 'a b&c=d/ø' }));
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('shows the login form again with an error after a wrong password', async () => {
    const browser = new SandboxBrowser(sandbox.url);
    const res = await logIn(browser, authorizePath(base()), 'mette@firmafon.test', 'wrong');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Invalid email or password.');
    expect(page).toContain('<label for="password">Password</label>');
    expect(browser.cookies.has('sandbox_session')).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie on login and then asks for consent', async () => {
    const browser = new SandboxBrowser(sandbox.url);
    const res = await logIn(browser, authorizePath(base()));
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sandbox_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const page = await res.text();
    expect(page).toContain('<h1>Authorize Firmafon Dashboard?</h1>');
    expect(page).toContain('>Authorize</button>');
    expect(page).toContain('>Deny</button>');
  });

  it('redirects with a code and the state echoed exactly after login and consent', async () => {
    const state = 'weird state: ø/å?&=+%20#';
    const location = await obtainRedirect(sandbox.url, { state });
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe(state);
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43,}$/);
  });

  it('keeps a query string that is part of the registered redirect_uri', async () => {
    const uri = CLIENT.redirectUris[1] ?? '';
    const location = await obtainRedirect(sandbox.url, { redirect_uri: uri });
    expect(location.href.startsWith(`${uri}&`)).toBe(true);
    expect(location.searchParams.get('tenant')).toBe('a');
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  it('redirects with access_denied and the state when the user presses Deny', async () => {
    const browser = new SandboxBrowser(sandbox.url);
    const consent = await logIn(browser, authorizePath(base()));
    const res = await decide(browser, await consent.text(), 'deny');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('skips the consent page the second time for an approved client', async () => {
    const browser = new SandboxBrowser(sandbox.url);
    const consent = await logIn(browser, authorizePath(base()));
    await decide(browser, await consent.text(), 'authorize');
    const second = await browser.get(authorizePath(base({ state: 'second' })));
    expect(second.status).toBe(302);
    const location = new URL(second.headers.get('location') ?? '');
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('second');
  });

  it('asks again for consent for a different client', async () => {
    const browser = new SandboxBrowser(sandbox.url);
    const consent = await logIn(browser, authorizePath(base()));
    await decide(browser, await consent.text(), 'authorize');
    const other = await browser.get(
      authorizePath({ client_id: OTHER_CLIENT.clientId, response_type: 'code', redirect_uri: OTHER_CLIENT.redirectUris[0] ?? '' }),
    );
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('<h1>Authorize Other &lt;b&gt;App&lt;/b&gt;?</h1>');
  });

  it('refuses a consent form without the session’s authenticity token', async () => {
    const browser = new SandboxBrowser(sandbox.url);
    const consent = await logIn(browser, authorizePath(base()));
    const fields = hiddenFields(await consent.text()).filter(([k]) => k !== 'authenticity_token');
    const res = await browser.postForm('/api/v2/authorize', [...fields, ['authenticity_token', 'forged'], ['decision', 'authorize']]);
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
  });

  it('re-validates a tampered redirect_uri in the consent form and does not redirect to it', async () => {
    const browser = new SandboxBrowser(sandbox.url);
    const consent = await logIn(browser, authorizePath(base()));
    const fields = hiddenFields(await consent.text()).map(([k, v]): [string, string] =>
      k === 'redirect_uri' ? [k, 'http://evil.example/cb'] : [k, v],
    );
    const res = await browser.postForm('/api/v2/authorize', [...fields, ['decision', 'authorize']]);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('leaves state off the redirect when dropState is set', async () => {
    await sandbox.restart({ dropState: true });
    const location = await obtainRedirect(sandbox.url, { state: 'keep-me' });
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.has('state')).toBe(false);
  });

  it('refuses a request without a code_challenge when PKCE is required', async () => {
    await sandbox.restart({ requirePkce: true });
    const res = await new SandboxBrowser(sandbox.url).get(authorizePath(base()));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('xyz');
  });

  it('accepts S256 and plain challenges and refuses other methods or malformed challenges', async () => {
    const { challenge } = pkcePair();
    const browser = new SandboxBrowser(sandbox.url);
    for (const method of ['S256', 'plain']) {
      const res = await browser.get(authorizePath(base({ code_challenge: challenge, code_challenge_method: method })));
      expect(res.status).toBe(200);
    }
    const noMethod = await browser.get(authorizePath(base({ code_challenge: challenge })));
    expect(noMethod.status).toBe(200);
    const bads: Array<Record<string, string>> = [{ code_challenge: challenge, code_challenge_method: 'S512' }, { code_challenge: 'short' }];
    for (const bad of bads) {
      const res = await browser.get(authorizePath(base(bad)));
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    }
  });

  it('refuses a parameter sent twice', async () => {
    const res = await new SandboxBrowser(sandbox.url).get(`${authorizePath(base())}&state=again`);
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('answers other methods with 405 and an Allow header', async () => {
    const res = await fetch(`${sandbox.url}/api/v2/authorize`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });
});
