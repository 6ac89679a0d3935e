/** The shared scripted client against a real sandbox: the OAuth client signs in once, the control client drives it. */
import { describe, expect, it } from 'vitest';
import { sandboxControl, SandboxOAuthClient } from './client.ts';
import { CLIENT, getJson, REDIRECT_URI, sandboxPerTest } from './test-support.ts';

const sandbox = sandboxPerTest({ calls: 20 });

const oauthClient = () =>
  new SandboxOAuthClient({ sandboxUrl: sandbox.url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: REDIRECT_URI });

describe('SandboxOAuthClient', () => {
  it('logs in and consents once, then gets a fresh code per request with state and an S256 challenge', async () => {
    const client = oauthClient();
    const codes = await client.codes(3);
    expect(new Set(codes).size).toBe(3);
    const log = await sandboxControl(sandbox.url).log();
    expect(log.authorizeRequests).toHaveLength(3);
    expect(log.authorizeRequests.every((r) => r.statePresent && r.codeChallengeMethod === 'S256')).toBe(true);
  });

  it('redeems a code with the verifier for a token the REST API accepts', async () => {
    const token = await oauthClient().token();
    expect((await getJson(`${sandbox.url}/api/v2/employee`, token)).status).toBe(200);
    const log = await sandboxControl(sandbox.url).log();
    expect(log.tokenRequests).toEqual([expect.objectContaining({ codeVerifierPresent: true, pkceVerified: true, outcome: 'ok' })]);
  });

  it('says so when the sandbox redirects with an error instead of a code', async () => {
    await expect(oauthClient().authorize({ response_type: 'token' }).then((url) => url.searchParams.get('error'))).resolves.toBe(
      'unsupported_response_type',
    );
    await expect(new SandboxOAuthClient({ sandboxUrl: sandbox.url, clientId: CLIENT.clientId, redirectUri: REDIRECT_URI }).token()).rejects.toThrow(
      /clientSecret/,
    );
  });
});

describe('sandboxControl', () => {
  it('drives every control action and reads their answers', async () => {
    const control = sandboxControl(sandbox.url);
    expect(control.url).toBe(sandbox.url);
    await oauthClient().token();
    expect(await control.revokeAll()).toEqual({ revoked: 1 });
    expect(await control.settings({ latencyMs: 5 })).toEqual({ dropState: false, requirePkce: false, latencyMs: 5 });
    const { calls } = await control.addCalls(2, 'ringing');
    expect(calls.map((c) => c.status)).toEqual(['ringing', 'ringing']);
    expect(await control.fault({ path: '/calls', status: 503, times: 1 })).toEqual({ faults: [{ path: '/calls', status: 503, times: 1 }] });
    expect(await control.reset({ calls: 5 })).toEqual({ ok: true });
    expect(await control.log()).toEqual({ authorizeRequests: [], tokenRequests: [], apiRequests: [], dials: [], doNotDisturb: [] });
    expect(await control.dials()).toEqual([]);
  });

  it('throws with the status when the sandbox refuses', async () => {
    await expect(sandboxControl(sandbox.url).reset({ calls: -1 })).rejects.toThrow(/reset failed: 400/);
  });
});
