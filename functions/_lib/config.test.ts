/** The public config function: the shape the SPA reads, and nothing secret. */
import { describe, expect, it } from 'vitest';
import { parsePublicConfig } from '../../common/public-config.ts';
import handler, { config } from '../config.ts';
import { CLIENT_ID, CLIENT_SECRET, PREVIEW, RELAY, RELAY_KEY, SITE, baseEnv, captureConsole, inspect, relayEnv, envPerTest } from './test-support/harness.ts';

captureConsole();
const useEnv = envPerTest();

const get = async (method = 'GET', origin = SITE, context?: unknown) => inspect(await handler(new Request(`${origin}/api/config`, { method }), context));
const redirectUriOf = (body: unknown) => (body as { redirectUri?: unknown }).redirectUri;

describe('GET /api/config', () => {
  it('is served at /api/config', () => {
    expect(config).toEqual({ path: '/api/config' });
  });

  it('answers the public config, in the shape the SPA reads, with defaults', async () => {
    useEnv({ ...baseEnv('https://app.firmafon.dk/'), FIRMAFON_URL: undefined });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(() => parsePublicConfig(res.json)).not.toThrow();
    expect(res.json).toEqual({
      clientId: CLIENT_ID,
      authorizeUrl: 'https://app.firmafon.dk/api/v2/authorize',
      pkce: false,
      stateMode: 'required',
      redirectUri: null,
      pushUrl: 'https://pubsub.firmafon.dk/faye',
    });
    expect(res.text).not.toContain(CLIENT_SECRET);
  });

  it("names the push service of FIRMAFON_PUBSUB_URL, and refuses one that is not a push URL with a 503 naming it", async () => {
    useEnv({ ...baseEnv('https://app.firmafon.dk'), FIRMAFON_PUBSUB_URL: 'http://127.0.0.1:8898/faye' });
    expect((await get()).json).toMatchObject({ pushUrl: 'http://127.0.0.1:8898/faye' });
    useEnv({ ...baseEnv('https://app.firmafon.dk'), FIRMAFON_PUBSUB_URL: 'http://push.example/faye' });
    const res = await get();
    expect(res.status).toBe(503);
    expect(String((res.json as { error_description?: unknown }).error_description)).toMatch(/^FIRMAFON_PUBSUB_URL must be an https URL/);
    expect(res.text).not.toContain('push.example');
  });

  it('reflects PKCE, the state mode and FIRMAFON_URL without its trailing slash', async () => {
    useEnv({ ...baseEnv('http://localhost:8890/'), FIRMAFON_PKCE: 'ON', FIRMAFON_STATE: 'optional' });
    const res = await get();
    expect(res.json).toMatchObject({ authorizeUrl: 'http://localhost:8890/api/v2/authorize', pkce: true, stateMode: 'optional' });
  });

  it("tells a deploy preview to use the production relay's URL when the relay is set up", async () => {
    useEnv(relayEnv('https://app.firmafon.dk'));
    const res = await get('GET', PREVIEW, { deploy: { context: 'deploy-preview', id: '5f2b9c0d1e3a4b5c6d7e8f90' } });
    expect(res.status).toBe(200);
    expect(() => parsePublicConfig(res.json)).not.toThrow();
    expect(redirectUriOf(res.json)).toBe(RELAY);
    expect(res.text).not.toContain(RELAY_KEY);
  });

  it('tells production to use its own callback (redirectUri null), relay or not', async () => {
    useEnv(relayEnv('https://app.firmafon.dk'));
    expect(redirectUriOf((await get('GET', SITE, { deploy: { context: 'production' } })).json)).toBeNull();
  });

  it.each([
    ['optional state (previews use a per-context registration)', { FIRMAFON_STATE: 'optional' }],
    ['no signing key', { RELAY_SIGNING_KEY: undefined }],
  ])('gives a deploy preview redirectUri null with %s', async (_name, override) => {
    useEnv({ ...relayEnv('https://app.firmafon.dk'), ...override });
    expect(redirectUriOf((await get('GET', PREVIEW)).json)).toBeNull();
  });

  it('answers 503 server_misconfigured, naming RELAY_ORIGIN_PATTERN, when the pattern spans other owners’ sites', async () => {
    useEnv({ ...relayEnv('https://app.firmafon.dk'), RELAY_ORIGIN_PATTERN: 'https://*.github.io' });
    const res = await get('GET', PREVIEW);
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ error: 'server_misconfigured' });
    expect(String((res.json as { error_description?: unknown }).error_description)).toMatch(/^RELAY_ORIGIN_PATTERN must be /);
    expect(res.text).not.toContain(RELAY_KEY);
  });

  it("gives no relay to an origin that is not one of the site's", async () => {
    useEnv(relayEnv('https://app.firmafon.dk'));
    expect(redirectUriOf((await get('GET', 'https://deploy-preview-42--other-site.netlify.app')).json)).toBeNull();
  });

  it.each(['POST', 'PUT', 'DELETE'])('answers %s with 405 and Allow: GET', async (method) => {
    useEnv(baseEnv('https://app.firmafon.dk'));
    const res = await get(method);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it.each([
    ['no client id', { FIRMAFON_CLIENT_ID: undefined }],
    ['no client secret', { FIRMAFON_CLIENT_SECRET: undefined }],
    ['an invalid FIRMAFON_PKCE', { FIRMAFON_PKCE: 'maybe' }],
  ])('answers 503 server_misconfigured with %s', async (_name, override) => {
    useEnv({ ...baseEnv('https://app.firmafon.dk'), ...override });
    const res = await get();
    expect(res.status).toBe(503);
    expect((res.json as { error: string }).error).toBe('server_misconfigured');
  });
});
