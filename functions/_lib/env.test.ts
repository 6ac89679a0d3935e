import { describe, expect, it } from 'vitest';
import { loadServerEnv, requireClientCredentials, type EnvRecord } from './env.ts';
import { checkPatternDomains } from './origin-owners.ts';

/** What the deploy's build hands the functions for this environment (scripts/capture-deploy-env.ts). */
const asBuilt = (env: EnvRecord): EnvRecord => ({ RELAY_PATTERN_DOMAINS: checkPatternDomains(env.RELAY_ORIGIN_PATTERN ?? '').owned.join(',') });
const load = (env: EnvRecord) => {
  const result = loadServerEnv(env, asBuilt(env));
  if (!result.ok) throw new Error(`expected a valid env, got ${result.failure.description}`);
  return result.value;
};
const failureOf = (env: EnvRecord) => {
  const result = loadServerEnv(env, asBuilt(env));
  if (result.ok) throw new Error('expected an invalid env');
  return result.failure;
};

describe('loadServerEnv', () => {
  it('uses the documented defaults for an empty environment', () => {
    const env = load({});
    expect(env).toEqual({
      firmafonUrl: 'https://app.firmafon.dk',
      pushUrl: 'https://pubsub.firmafon.dk/faye',
      clientId: undefined,
      clientSecret: undefined,
      pkce: false,
      stateMode: 'required',
      allowedOrigins: new Set(),
      timeoutMs: 8000,
      redirectOrigin: undefined,
      relaySigningKey: undefined,
      deployOriginPatterns: [],
      siteName: undefined,
      context: undefined,
    });
  });

  it('treats blank values as unset', () => {
    expect(load({ FIRMAFON_URL: ' ', FIRMAFON_CLIENT_ID: '', FIRMAFON_PKCE: '' })).toMatchObject({
      firmafonUrl: 'https://app.firmafon.dk',
      clientId: undefined,
      pkce: false,
    });
  });

  it.each([
    ['https://app.firmafon.dk/', 'https://app.firmafon.dk'],
    ['HTTPS://App.Firmafon.DK:443', 'https://app.firmafon.dk'],
    ['https://staging.firmafon.dk:8443', 'https://staging.firmafon.dk:8443'],
    ['http://localhost:8890', 'http://localhost:8890'],
    ['http://127.0.0.1:8890/', 'http://127.0.0.1:8890'],
    ['http://[::1]:8890', 'http://[::1]:8890'],
  ])('normalises FIRMAFON_URL %s to %s', (value, expected) => {
    expect(load({ FIRMAFON_URL: value }).firmafonUrl).toBe(expected);
  });

  it.each([
    'http://app.firmafon.dk',
    'http://localhost.evil.example',
    'https://app.firmafon.dk/api/v2',
    'https://app.firmafon.dk?x=1',
    'https://app.firmafon.dk#x',
    'https://user:pass@app.firmafon.dk',
    'firmafon.example',
    'javascript:alert(1)',
  ])('refuses FIRMAFON_URL %s, naming the variable but not the value', (value) => {
    const failure = failureOf({ FIRMAFON_URL: value });
    expect(failure).toMatchObject({ status: 503, error: 'server_misconfigured' });
    expect(failure.description).toMatch(/^FIRMAFON_URL /);
    expect(failure.description).not.toContain(value);
  });

  it.each([
    ['on', true],
    ['ON', true],
    ['true', true],
    ['1', true],
    ['off', false],
    ['False', false],
    ['0', false],
  ])('reads FIRMAFON_PKCE=%s as %s', (value, expected) => {
    expect(load({ FIRMAFON_PKCE: value }).pkce).toBe(expected);
  });

  it.each(['yes', 'enabled', '2'])('refuses FIRMAFON_PKCE=%s', (value) => {
    expect(failureOf({ FIRMAFON_PKCE: value }).description).toMatch(/^FIRMAFON_PKCE must be on or off/);
  });

  it('reads FIRMAFON_STATE and refuses anything but required or optional', () => {
    expect(load({ FIRMAFON_STATE: 'optional' }).stateMode).toBe('optional');
    expect(load({ FIRMAFON_STATE: 'Required' }).stateMode).toBe('required');
    expect(failureOf({ FIRMAFON_STATE: 'off' }).description).toMatch(/^FIRMAFON_STATE /);
  });

  it('collects allowed origins from ALLOWED_ORIGINS and the Netlify deploy URLs, normalised', () => {
    const env = load({
      ALLOWED_ORIGINS: ' https://A.example/ ,, http://localhost:8888,https://b.example:443',
      URL: 'https://dash.example',
      DEPLOY_PRIME_URL: 'https://main--dash.netlify.app',
      DEPLOY_URL: 'https://abc--dash.netlify.app',
    });
    expect([...env.allowedOrigins].sort()).toEqual([
      'http://localhost:8888',
      'https://a.example',
      'https://abc--dash.netlify.app',
      'https://b.example',
      'https://dash.example',
      'https://main--dash.netlify.app',
    ]);
  });

  it.each([
    ['ALLOWED_ORIGINS', 'https://a.example/path'],
    ['ALLOWED_ORIGINS', 'http://a.example'],
    ['ALLOWED_ORIGINS', '*'],
    ['URL', 'not a url'],
    ['DEPLOY_PRIME_URL', 'http://preview.example'],
    ['DEPLOY_URL', 'https://x.example/y'],
  ])('refuses %s=%s', (name, value) => {
    const failure = failureOf({ [name]: value });
    expect(failure.description).toMatch(new RegExp(`^${name} `));
    expect(failure.description).not.toContain(value);
  });

  it.each([
    ['50', 50],
    ['60000', 60000],
  ])('reads FIRMAFON_TIMEOUT_MS=%s', (value, expected) => {
    expect(load({ FIRMAFON_TIMEOUT_MS: value }).timeoutMs).toBe(expected);
  });

  it.each(['0', '-5', '1.5', '60001', 'soon', '1e3'])('refuses FIRMAFON_TIMEOUT_MS=%s', (value) => {
    expect(failureOf({ FIRMAFON_TIMEOUT_MS: value }).description).toMatch(/^FIRMAFON_TIMEOUT_MS /);
  });

  it('validates again when a value changes', () => {
    expect(loadServerEnv({ FIRMAFON_PKCE: 'on' }).ok).toBe(true);
    expect(loadServerEnv({ FIRMAFON_PKCE: 'nope' }).ok).toBe(false);
    expect(loadServerEnv({ FIRMAFON_PKCE: 'on' }).ok).toBe(true);
  });
});

describe('the relay settings', () => {
  const KEY = 'k'.repeat(32);

  it('takes the registered origin from FIRMAFON_REDIRECT_ORIGIN, else from URL', () => {
    expect(load({ URL: 'https://dash.example' }).redirectOrigin).toBe('https://dash.example');
    expect(load({ URL: 'https://dash.example', FIRMAFON_REDIRECT_ORIGIN: 'https://Login.Example/' }).redirectOrigin).toBe('https://login.example');
  });

  it('reads RELAY_SIGNING_KEY of 32 characters or more', () => {
    expect(load({ RELAY_SIGNING_KEY: KEY }).relaySigningKey).toBe(KEY);
  });

  it('refuses a RELAY_SIGNING_KEY under 32 characters, naming the variable but not the value', () => {
    const failure = failureOf({ RELAY_SIGNING_KEY: 'k'.repeat(31) });
    expect(failure).toMatchObject({ status: 503, error: 'server_misconfigured' });
    expect(failure.description).toMatch(/^RELAY_SIGNING_KEY must be at least 32 characters/);
    expect(failure.description).not.toContain('k'.repeat(31));
  });

  it('derives the deploy pattern from SITE_NAME, else from a netlify.app URL or DEPLOY_URL', () => {
    const templates = (env: EnvRecord) => load(env).deployOriginPatterns.map((pattern) => pattern.template);
    expect(templates({ SITE_NAME: 'dash-site', URL: 'https://dash.example' })).toEqual(['https://*--dash-site.netlify.app']);
    expect(templates({ URL: 'https://dash-site.netlify.app' })).toEqual(['https://*--dash-site.netlify.app']);
    expect(templates({ URL: 'https://dash.example', DEPLOY_URL: 'https://5f2b9c0d1e3a4b5c6d7e8f90--dash-site.netlify.app' })).toEqual([
      'https://*--dash-site.netlify.app',
    ]);
    expect(templates({ URL: 'https://dash.example' })).toEqual([]);
    expect(templates({ URL: 'http://localhost:8888', DEPLOY_URL: 'http://localhost:8888' })).toEqual([]);
    expect(templates({ SITE_NAME: 'not a site name' })).toEqual([]);
  });

  it('lets RELAY_ORIGIN_PATTERN replace the derived pattern', () => {
    const env = load({ SITE_NAME: 'dash-site', RELAY_ORIGIN_PATTERN: 'https://*.previews.example.com, http://127.0.0.1:8886' });
    expect(env.deployOriginPatterns.map((pattern) => pattern.template)).toEqual(['https://*.previews.example.com', 'http://127.0.0.1:8886']);
  });

  it.each(['https://*.netlify.app', 'https://*--*.netlify.app', 'http://*--a.netlify.app', ',', 'https://a.example/path'])(
    'refuses RELAY_ORIGIN_PATTERN=%s',
    (value) => {
      expect(failureOf({ RELAY_ORIGIN_PATTERN: value }).description).toMatch(/^RELAY_ORIGIN_PATTERN must be a comma-separated list/);
    },
  );

  it.each([
    'https://*.github.io',
    'https://*.vercel.app',
    'https://*.co.uk',
    'https://a*.netlify.app',
    'https://*.netlify.app',
    'https://*--other-site.netlify.app',
    'https://*.com',
    'https://*.appspot.com',
    'https://*--dash-site.netlify.app, https://*.github.io',
  ])('answers 503 server_misconfigured for RELAY_ORIGIN_PATTERN=%s, saying what is allowed and not echoing it', (value) => {
    const failure = failureOf({ SITE_NAME: 'dash-site', RELAY_SIGNING_KEY: KEY, RELAY_ORIGIN_PATTERN: value });
    expect(failure).toMatchObject({ status: 503, error: 'server_misconfigured' });
    expect(failure.description).toMatch(/^RELAY_ORIGIN_PATTERN must be /);
    expect(failure.description).toContain('public suffix');
    expect(failure.description).toContain('https://*--{SITE_NAME}.netlify.app');
    expect(failure.description).not.toContain(KEY);
    expect(failure.description).not.toContain(value);
  });

  it.each([
    ['https://*--dash-site.netlify.app', { SITE_NAME: 'dash-site' }],
    ['https://*--dash-site.netlify.app', { URL: 'https://dash-site.netlify.app' }],
    ['https://*.previews.example.com', {}],
    ['http://127.0.0.1:8886', {}],
  ])('accepts RELAY_ORIGIN_PATTERN=%s', (value, site: EnvRecord) => {
    expect(load({ ...site, RELAY_ORIGIN_PATTERN: value }).deployOriginPatterns.map((pattern) => pattern.template)).toEqual([value]);
  });

  it("refuses this site's netlify.app template when the site's name is nowhere to be found", () => {
    expect(failureOf({ URL: 'https://dash.example', RELAY_ORIGIN_PATTERN: 'https://*--dash-site.netlify.app' }).status).toBe(503);
  });

  it.each([
    ['FIRMAFON_REDIRECT_ORIGIN', 'https://dash.example/auth/relay'],
    ['FIRMAFON_REDIRECT_ORIGIN', 'http://dash.example'],
    ['CONTEXT', 'deploy preview'],
  ])('refuses %s=%s', (name, value) => {
    expect(failureOf({ [name]: value }).description).toMatch(new RegExp(`^${name} `));
  });

  it('reads CONTEXT as given', () => {
    expect(load({ CONTEXT: 'deploy-preview' }).context).toBe('deploy-preview');
    expect(load({ CONTEXT: 'branch:feat/x' }).context).toBe('branch:feat/x');
  });
});

describe('requireClientCredentials', () => {
  it('returns both credentials when set', () => {
    const result = requireClientCredentials(load({ FIRMAFON_CLIENT_ID: 'id', FIRMAFON_CLIENT_SECRET: 'secret' }));
    expect(result).toEqual({ ok: true, value: { clientId: 'id', clientSecret: 'secret' } });
  });

  it('names the missing variables', () => {
    const result = requireClientCredentials(load({ FIRMAFON_CLIENT_SECRET: 'secret' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.status).toBe(503);
      expect(result.failure.description).toMatch(/^FIRMAFON_CLIENT_ID is not set/);
      expect(result.failure.description).not.toContain('secret;');
    }
  });
});
