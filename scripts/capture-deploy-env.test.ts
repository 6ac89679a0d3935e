import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEPLOY_BUILD_ENV_MODULE, isNetlifyBuild, renderDeployBuildEnv } from './capture-deploy-env.ts';

const PRIME = 'https://deploy-preview-42--dash-site.netlify.app';
const PERMALINK = 'https://5f2b9c0d1e3a4b5c6d7e8f90--dash-site.netlify.app';

describe("capturing the deploy's own addresses for the functions", () => {
  it('writes DEPLOY_PRIME_URL and DEPLOY_URL of a Netlify build into the module', () => {
    const text = renderDeployBuildEnv({ DEPLOY_PRIME_URL: PRIME, DEPLOY_URL: PERMALINK, URL: 'https://dash.example', RELAY_SIGNING_KEY: 'k'.repeat(40) });
    expect(text).toContain(`DEPLOY_PRIME_URL: ${JSON.stringify(PRIME)},`);
    expect(text).toContain(`DEPLOY_URL: ${JSON.stringify(PERMALINK)},`);
    expect(text).not.toContain('dash.example');
    expect(text).not.toContain('k'.repeat(40));
  });

  it.each([
    ['not an origin', 'deploy-preview-42'],
    ['http', 'http://deploy-preview-42--dash-site.netlify.app'],
    ['a path', `${PRIME}/x`],
    ['a quote that would break out of the string', 'https://x.example";import("evil'],
  ])('leaves out a value that is %s', (_name, value) => {
    expect(renderDeployBuildEnv({ DEPLOY_PRIME_URL: value })).toBe(renderDeployBuildEnv({}));
  });

  it('is committed empty, exactly as a build outside Netlify leaves it', () => {
    expect(readFileSync(DEPLOY_BUILD_ENV_MODULE, 'utf8')).toBe(renderDeployBuildEnv({}));
  });

  it("runs only on Netlify's build servers, not in netlify-cli's local builds", () => {
    expect(isNetlifyBuild({ NETLIFY: 'true' })).toBe(true);
    expect(isNetlifyBuild({ NETLIFY: 'true', NETLIFY_LOCAL: 'true' })).toBe(false);
    expect(isNetlifyBuild({ NETLIFY_LOCAL: 'true' })).toBe(false);
    expect(isNetlifyBuild({})).toBe(false);
  });
});
