/**
 * How each deploy context resolves: the environment a Netlify function really sees at run time (`URL`, `SITE_NAME`,
 * the site's own variables; the deploy id and context from the context object), what its build captured
 * (`DEPLOY_PRIME_URL`, `DEPLOY_URL`: deploy-build-env.ts), and the origin a request arrives on.
 */
import { describe, expect, it } from 'vitest';
import { loadServerEnv, type EnvRecord, type ServerEnv } from './env.ts';
import { checkPatternDomains } from './origin-owners.ts';
import { readDeployInfo, resolveSignInSetup, type NetlifyDeployInfo } from './deploy-setup.ts';

const KEY = 'relay-signing-key-for-tests-0b7c1d9e5f3a';
const PRODUCTION = 'https://dash.example';
const RELAY = `${PRODUCTION}/auth/relay`;
const DEPLOY_ID = '5f2b9c0d1e3a4b5c6d7e8f90';
const PREVIEW = 'https://deploy-preview-42--dash-site.netlify.app';
const BRANCH = 'https://feature-x--dash-site.netlify.app';
const PERMALINK = `https://${DEPLOY_ID}--dash-site.netlify.app`;

/** What every deploy of the site sees at run time on Netlify, with the relay set up. */
const netlifyEnv: EnvRecord = {
  FIRMAFON_CLIENT_ID: 'id',
  FIRMAFON_CLIENT_SECRET: 'secret',
  URL: PRODUCTION,
  SITE_NAME: 'dash-site',
  RELAY_SIGNING_KEY: KEY,
};

/** What Netlify gives the build of each deploy, which the build hands on to the functions. */
const previewBuild: EnvRecord = { DEPLOY_PRIME_URL: PREVIEW, DEPLOY_URL: PERMALINK };
const branchBuild: EnvRecord = { DEPLOY_PRIME_URL: BRANCH, DEPLOY_URL: PERMALINK };
const productionBuild: EnvRecord = { DEPLOY_PRIME_URL: 'https://main--dash-site.netlify.app', DEPLOY_URL: PERMALINK };

/** The environment as the functions see it, with what this deploy's build checked and captured. */
function envOf(record: EnvRecord, build: EnvRecord = {}): ServerEnv {
  const checked = checkPatternDomains(record.RELAY_ORIGIN_PATTERN ?? '').owned.join(',');
  const result = loadServerEnv(record, { ...build, RELAY_PATTERN_DOMAINS: checked });
  if (!result.ok) throw new Error(result.failure.description);
  return result.value;
}

const deployOf = (context: string, id = DEPLOY_ID): NetlifyDeployInfo => ({ context, id });
const resolve = (origin: string, record: EnvRecord = netlifyEnv, deploy: NetlifyDeployInfo = deployOf('deploy-preview'), build: EnvRecord = previewBuild) =>
  resolveSignInSetup({ env: envOf(record, build), requestUrl: `${origin}/api/config`, deploy });

describe('resolveSignInSetup per deploy context', () => {
  it('production on its main URL signs in through its own callback', () => {
    const setup = resolve(PRODUCTION, netlifyEnv, deployOf('production'), productionBuild);
    expect(setup).toMatchObject({ selfOrigin: PRODUCTION, relay: null, deployContext: 'production' });
    expect(setup.relayUnavailable).toMatch(/own callback/);
    expect([...setup.allowedRedirectUris]).toContain(`${PRODUCTION}/auth/callback`);
    expect(setup.allowedRedirectUris.has(RELAY)).toBe(false);
  });

  it('a deploy preview signs in through the production relay', () => {
    const setup = resolve(PREVIEW, netlifyEnv, deployOf('deploy-preview'));
    expect(setup.selfOrigin).toBe(PREVIEW);
    expect(setup.relay).toEqual({ redirectUri: RELAY, signingKey: KEY });
    expect(setup.relayUnavailable).toBeNull();
    expect(setup.allowedOrigins.has(PREVIEW)).toBe(true);
    expect(setup.allowedRedirectUris.has(RELAY)).toBe(true);
  });

  it('a branch deploy signs in through the production relay', () => {
    const setup = resolve(BRANCH, netlifyEnv, deployOf('branch-deploy'), branchBuild);
    expect(setup.relay?.redirectUri).toBe(RELAY);
    expect(setup.deployContext).toBe('branch-deploy');
  });

  it('a deploy opened on its permalink signs in through the relay too, whatever its context', () => {
    expect(resolve(PERMALINK, netlifyEnv, deployOf('deploy-preview')).relay?.redirectUri).toBe(RELAY);
    expect(resolve(PERMALINK, netlifyEnv, deployOf('production'), productionBuild).relay?.redirectUri).toBe(RELAY);
  });

  it('production opened on its branch address signs in through the relay', () => {
    expect(resolve('https://main--dash-site.netlify.app', netlifyEnv, deployOf('production'), productionBuild).relay?.redirectUri).toBe(RELAY);
  });

  it('knows the permalink from the deploy id alone, when the build captured nothing', () => {
    expect(resolve(PERMALINK, netlifyEnv, deployOf('deploy-preview'), {}).selfOrigin).toBe(PERMALINK);
    expect(resolve(PREVIEW, netlifyEnv, deployOf('deploy-preview'), {}).selfOrigin).toBeNull();
  });

  it('recognises the permalink from the deploy id even without a pattern', () => {
    const record = { ...netlifyEnv, RELAY_ORIGIN_PATTERN: 'https://*.previews.example.com' };
    expect(resolve(PERMALINK, record).selfOrigin).toBe(PERMALINK);
    expect(resolve(PERMALINK, record).relay).toBeNull();
    expect(resolve(PERMALINK, record).relayUnavailable).toMatch(/RELAY_ORIGIN_PATTERN/);
  });

  it('a local run (netlify dev, context dev) on the registered origin uses its own callback', () => {
    const local = { FIRMAFON_CLIENT_ID: 'id', FIRMAFON_CLIENT_SECRET: 's', URL: 'http://localhost:8888', ALLOWED_ORIGINS: 'http://localhost:8888,http://127.0.0.1:8888' };
    const setup = resolve('http://localhost:8888', local, { context: 'dev', id: undefined });
    expect(setup).toMatchObject({ selfOrigin: 'http://localhost:8888', relay: null, deployContext: 'dev' });
  });

  it('a local run on its other loopback name has no relay without a key', () => {
    const local = { URL: 'http://localhost:8888', ALLOWED_ORIGINS: 'http://localhost:8888,http://127.0.0.1:8888' };
    const setup = resolve('http://127.0.0.1:8888', local, { context: 'dev', id: undefined });
    expect(setup).toMatchObject({ selfOrigin: 'http://127.0.0.1:8888', relay: null });
    expect(setup.relayUnavailable).toMatch(/RELAY_SIGNING_KEY/);
  });

  it('the local two-deploy simulation: the preview relays through the production origin', () => {
    const preview = {
      URL: 'http://localhost:8886',
      ALLOWED_ORIGINS: 'http://localhost:8886,http://127.0.0.1:8886',
      FIRMAFON_REDIRECT_ORIGIN: 'http://localhost:8887',
      RELAY_ORIGIN_PATTERN: 'http://127.0.0.1:8886',
      RELAY_SIGNING_KEY: KEY,
      CONTEXT: 'deploy-preview',
    };
    const setup = resolve('http://127.0.0.1:8886', preview, { context: undefined, id: undefined });
    expect(setup.relay?.redirectUri).toBe('http://localhost:8887/auth/relay');
    expect(setup.deployContext).toBe('deploy-preview');
  });
});

describe('when there is no relay', () => {
  it('optional state: previews fall back to their own (per-context) registration', () => {
    const setup = resolve(PREVIEW, { ...netlifyEnv, FIRMAFON_STATE: 'optional' });
    expect(setup.relay).toBeNull();
    expect(setup.relayUnavailable).toMatch(/FIRMAFON_STATE=required/);
    expect(setup.allowedRedirectUris.has(`${PREVIEW}/auth/callback`)).toBe(true);
    expect(setup.allowedRedirectUris.has(RELAY)).toBe(false);
  });

  it('no signing key: no relay', () => {
    const setup = resolve(PREVIEW, { ...netlifyEnv, RELAY_SIGNING_KEY: undefined });
    expect(setup.relay).toBeNull();
    expect(setup.relayUnavailable).toBe('RELAY_SIGNING_KEY is not set.');
  });

  it('no URL and no FIRMAFON_REDIRECT_ORIGIN: no relay', () => {
    const setup = resolve(PREVIEW, { ...netlifyEnv, URL: undefined });
    expect(setup.relay).toBeNull();
    expect(setup.relayUnavailable).toMatch(/FIRMAFON_REDIRECT_ORIGIN/);
  });

  it.each([
    ['another deploy preview of this site (it matches the deploy pattern)', 'https://deploy-preview-7--dash-site.netlify.app'],
    ['a branch deploy of this site (it matches the deploy pattern)', BRANCH],
    ["another deploy's permalink", 'https://0123456789abcdef01234567--dash-site.netlify.app'],
    ['another site', 'https://deploy-preview-42--other-site.netlify.app'],
    ['a look-alike host', 'https://deploy-preview-42--dash-site.netlify.app.evil.example'],
    ['an extra label', 'https://x.deploy-preview-42--dash-site.netlify.app'],
    ['a foreign host', 'https://evil.example'],
  ])('a request arriving on %s is not this site: no relay, and not an allowed origin', (_name, origin) => {
    const setup = resolve(origin);
    expect(setup.selfOrigin).toBeNull();
    expect(setup.relay).toBeNull();
    expect(setup.allowedOrigins.has(origin)).toBe(false);
    expect(setup.allowedRedirectUris.has(`${origin}/auth/callback`)).toBe(false);
  });
});

describe('FIRMAFON_REDIRECT_ORIGIN and RELAY_ORIGIN_PATTERN', () => {
  it('FIRMAFON_REDIRECT_ORIGIN replaces URL as the registered origin', () => {
    const record = { ...netlifyEnv, FIRMAFON_REDIRECT_ORIGIN: 'https://dash-site.netlify.app' };
    expect(resolve(PREVIEW, record).relay?.redirectUri).toBe('https://dash-site.netlify.app/auth/relay');
    expect(resolve('https://dash-site.netlify.app', record).relay).toBeNull();
  });

  it('derives the deploy pattern from URL when it is the netlify.app address and SITE_NAME is missing', () => {
    const record = { ...netlifyEnv, SITE_NAME: undefined, URL: 'https://dash-site.netlify.app' };
    expect(resolve(PREVIEW, record).relay?.redirectUri).toBe('https://dash-site.netlify.app/auth/relay');
  });

  it("derives the deploy pattern from the build's DEPLOY_URL when SITE_NAME is missing", () => {
    expect(resolve(PREVIEW, { ...netlifyEnv, SITE_NAME: undefined }).relay?.redirectUri).toBe(RELAY);
  });

  it('has no deploy pattern for a custom domain without SITE_NAME or DEPLOY_URL, so a preview gets no relay', () => {
    const setup = resolve(PREVIEW, { ...netlifyEnv, SITE_NAME: undefined }, deployOf('deploy-preview'), { DEPLOY_PRIME_URL: PREVIEW });
    expect(setup.selfOrigin).toBe(PREVIEW);
    expect(setup.relay).toBeNull();
    expect(setup.relayUnavailable).toMatch(/RELAY_ORIGIN_PATTERN/);
  });

  it('RELAY_ORIGIN_PATTERN replaces the derived pattern', () => {
    const record = { ...netlifyEnv, RELAY_ORIGIN_PATTERN: 'https://*.previews.example.com' };
    const own = 'https://pr-1.previews.example.com';
    expect(resolve(own, record, deployOf('deploy-preview'), { DEPLOY_PRIME_URL: own }).relay?.redirectUri).toBe(RELAY);
    expect(resolve(PREVIEW, record).relay).toBeNull();
  });

  it('a pattern that also covers the production origin still never relays production to itself', () => {
    const record = { ...netlifyEnv, URL: 'https://www--dash-site.netlify.app' };
    expect(resolve('https://www--dash-site.netlify.app', record).relay).toBeNull();
  });
});

describe("the deploy's own origins", () => {
  it('come from the build when the run time does not have DEPLOY_PRIME_URL and DEPLOY_URL', () => {
    const env = envOf(netlifyEnv, previewBuild);
    expect([...env.allowedOrigins].sort()).toEqual([PERMALINK, PREVIEW, PRODUCTION].sort());
  });

  it('come from the run time first (netlify-cli sets DEPLOY_URL locally)', () => {
    const env = envOf({ ...netlifyEnv, DEPLOY_PRIME_URL: 'http://localhost:8888' }, previewBuild);
    expect(env.allowedOrigins.has('http://localhost:8888')).toBe(true);
    expect(env.allowedOrigins.has(PREVIEW)).toBe(false);
  });

  it('are the only origins a request can pick as its own: a pattern match is not enough', () => {
    const other = 'https://deploy-preview-7--dash-site.netlify.app';
    expect(resolve(PREVIEW).selfOrigin).toBe(PREVIEW);
    expect(resolve(other).selfOrigin).toBeNull();
    expect(resolve(other).relay).toBeNull();
    expect(resolve(other).relayUnavailable).toMatch(/own origins/);
  });
});

describe('readDeployInfo', () => {
  it('reads the deploy context and id from a Netlify context object', () => {
    expect(readDeployInfo({ deploy: { context: 'deploy-preview', id: DEPLOY_ID, published: false }, site: {} })).toEqual({
      context: 'deploy-preview',
      id: DEPLOY_ID,
    });
  });

  it.each([undefined, null, 'x', {}, { deploy: null }, { deploy: { context: 1 } }])('knows nothing from %j', (context) => {
    expect(readDeployInfo(context)).toEqual({ context: undefined, id: undefined });
  });
});
