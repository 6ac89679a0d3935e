import { describe, expect, it } from 'vitest';
import {
  matchesOriginPattern,
  netlifyDeployPattern,
  parseOriginPattern,
  parseOriginPatternList,
  siteNameFromNetlifyOrigin,
  type OriginPattern,
} from './origin-patterns.ts';
import { checkPatternDomains } from './origin-owners.ts';

const site = netlifyDeployPattern('dash-site') as OriginPattern;

describe('the default deploy pattern of a Netlify site', () => {
  it('is https://*--{site}.netlify.app', () => {
    expect(site.template).toBe('https://*--dash-site.netlify.app');
  });

  it.each([
    ['a deploy preview', 'https://deploy-preview-42--dash-site.netlify.app'],
    ['a deploy preview with a long number', 'https://deploy-preview-123456--dash-site.netlify.app'],
    ['a branch deploy', 'https://main--dash-site.netlify.app'],
    ['a branch deploy with hyphens and digits', 'https://feature-2-login--dash-site.netlify.app'],
    ['a deploy permalink (24 hex digits)', 'https://5f2b9c0d1e3a4b5c6d7e8f90--dash-site.netlify.app'],
    ['a one-character branch', 'https://a--dash-site.netlify.app'],
  ])('matches %s', (_name, origin) => {
    expect(matchesOriginPattern(origin, [site])).toBe(true);
  });

  it.each([
    ['the site itself (production on netlify.app)', 'https://dash-site.netlify.app'],
    ['another site', 'https://deploy-preview-1--other-site.netlify.app'],
    ['a site whose name ends like ours', 'https://deploy-preview-1--evil-dash-site.netlify.app'],
    ['a look-alike with our host as a prefix', 'https://deploy-preview-1--dash-site.netlify.app.evil.example'],
    ['a look-alike with an extra label in front', 'https://x.deploy-preview-1--dash-site.netlify.app'],
    ['a look-alike with an extra label inside', 'https://deploy-preview-1--dash-site.evil.netlify.app'],
    ['http instead of https', 'http://deploy-preview-1--dash-site.netlify.app'],
    ['an explicit default port', 'https://deploy-preview-1--dash-site.netlify.app:443'],
    ['another port', 'https://deploy-preview-1--dash-site.netlify.app:8443'],
    ['userinfo', 'https://a@deploy-preview-1--dash-site.netlify.app'],
    ['userinfo hiding another host', 'https://deploy-preview-1--dash-site.netlify.app@evil.example'],
    ['a trailing dot', 'https://deploy-preview-1--dash-site.netlify.app.'],
    ['uppercase', 'https://Deploy-Preview-1--dash-site.netlify.app'],
    ['an uppercase site name', 'https://deploy-preview-1--DASH-SITE.netlify.app'],
    ['a punycode label', 'https://xn--80ak6aa92e--dash-site.netlify.app'],
    ['a label that becomes punycode with the site name', 'https://xn--dash-site.netlify.app'],
    ['a leading hyphen', 'https://-x--dash-site.netlify.app'],
    ['a trailing hyphen (three hyphens before the site)', 'https://x---dash-site.netlify.app'],
    ['a double hyphen inside the label', 'https://a--b--dash-site.netlify.app'],
    ['an underscore', 'https://deploy_preview--dash-site.netlify.app'],
    ['a percent-encoded host', 'https://deploy%2Dpreview--dash-site.netlify.app'],
    ['a path', 'https://deploy-preview-1--dash-site.netlify.app/auth/callback'],
    ['a trailing slash', 'https://deploy-preview-1--dash-site.netlify.app/'],
    ['a query', 'https://deploy-preview-1--dash-site.netlify.app?x'],
    ['an empty label', 'https://--dash-site.netlify.app'],
    ['a label over 63 characters', `https://${'a'.repeat(54)}--dash-site.netlify.app`],
    ['whitespace', ' https://deploy-preview-1--dash-site.netlify.app'],
    ['the opaque origin', 'null'],
    ['an empty string', ''],
  ])('refuses %s', (_name, origin) => {
    expect(matchesOriginPattern(origin, [site])).toBe(false);
  });

  it('accepts a label of exactly 63 characters', () => {
    expect(matchesOriginPattern(`https://${'a'.repeat(52)}--dash-site.netlify.app`, [site])).toBe(true);
  });

  it('has no pattern for a site name that is not one', () => {
    expect(netlifyDeployPattern('')).toBeNull();
    expect(netlifyDeployPattern('a--b')).toBeNull();
    expect(netlifyDeployPattern('Dash')).toBeNull();
    expect(netlifyDeployPattern('-dash')).toBeNull();
    expect(netlifyDeployPattern('dash.site')).toBeNull();
  });
});

/** The wildcard domains a deploy's build found owned for this RELAY_ORIGIN_PATTERN (scripts/capture-deploy-env.ts). */
const asBuilt = (value: string) => new Set(checkPatternDomains(value).owned);

describe('parseOriginPattern', () => {
  it.each([
    ['https://*--dash-site.netlify.app', 'https://*--dash-site.netlify.app'],
    ['HTTPS://*--Dash-Site.Netlify.App/', 'https://*--dash-site.netlify.app'],
    ['https://*.previews.example.com', 'https://*.previews.example.com'],
    ['https://pr-*.example.com', 'https://pr-*.example.com'],
    ['https://*--dash.example.com:8443', 'https://*--dash.example.com:8443'],
    ['http://127.0.0.1:8886', 'http://127.0.0.1:8886'],
    ['https://preview.example.com:443', 'https://preview.example.com'],
  ])('reads %s as %s', (value, template) => {
    expect(parseOriginPattern(value, { siteName: 'dash-site', checkedDomains: asBuilt(value) })?.template).toBe(template);
  });

  it.each([
    ['two wildcards', 'https://*--*.netlify.app'],
    ['a wildcard outside the first label', 'https://deploy.*.example.com'],
    ['a wildcard in the port', 'https://x.example.com:*'],
    ['a wildcard in the scheme', '*://x.example.com'],
    ['a whole-label wildcard over netlify.app', 'https://*.netlify.app'],
    ['a wildcard over a bare domain', 'https://*.com'],
    ['http for a public host', 'http://*--dash-site.netlify.app'],
    ['http for a loopback wildcard', 'http://*.localhost'],
    ['a path', 'https://*--dash-site.netlify.app/auth'],
    ['userinfo', 'https://u@*--dash-site.netlify.app'],
    ['a trailing dot', 'https://*--dash-site.netlify.app.'],
    ['a default port spelled out with a wildcard', 'https://*--dash-site.netlify.app:443'],
    ['a punycode label', 'https://*.xn--bcher-kva.example'],
    ['not an origin', 'dash-site'],
    ['an empty value', ''],
  ])('refuses %s', (_name, value) => {
    expect(parseOriginPattern(value, { siteName: 'dash-site', checkedDomains: asBuilt(value) })).toBeNull();
  });

  it('lets a wildcard match only within its label', () => {
    const previews = parseOriginPattern('https://*.previews.example.com', { checkedDomains: asBuilt('https://*.previews.example.com') }) as OriginPattern;
    expect(matchesOriginPattern('https://pr-7.previews.example.com', [previews])).toBe(true);
    expect(matchesOriginPattern('https://a.b.previews.example.com', [previews])).toBe(false);
    expect(matchesOriginPattern('https://previews.example.com', [previews])).toBe(false);
    expect(matchesOriginPattern('https://pr-7.previews.example.com.evil.example', [previews])).toBe(false);
  });

  it('matches an exact template only exactly', () => {
    const local = parseOriginPattern('http://127.0.0.1:8886') as OriginPattern;
    expect(matchesOriginPattern('http://127.0.0.1:8886', [local])).toBe(true);
    expect(matchesOriginPattern('http://127.0.0.1:88860', [local])).toBe(false);
    expect(matchesOriginPattern('http://127.0.0.1:8887', [local])).toBe(false);
    expect(matchesOriginPattern('http://localhost:8886', [local])).toBe(false);
  });

  it('keeps the port a template names', () => {
    const ported = parseOriginPattern('https://*--dash.example.com:8443', { checkedDomains: asBuilt('https://*--dash.example.com:8443') }) as OriginPattern;
    expect(matchesOriginPattern('https://pr-1--dash.example.com:8443', [ported])).toBe(true);
    expect(matchesOriginPattern('https://pr-1--dash.example.com', [ported])).toBe(false);
  });
});

describe('which templates a site may configure (RELAY_ORIGIN_PATTERN)', () => {
  const mySite = { siteName: 'my-site' };

  it.each([
    ["this site's deploys on netlify.app", 'https://*--my-site.netlify.app'],
    ['a subdomain of a domain of our own', 'https://*.previews.example.com'],
    ['a prefixed label in a domain of our own', 'https://pr-*.example.com'],
    ['a wildcard under a registrable domain on a two-label suffix', 'https://*.previews.example.co.uk'],
    ['a wildcard under one owner’s host on a shared suffix', 'https://*.dash.github.io'],
    ['an exact local origin', 'http://127.0.0.1:8886'],
    ['an exact origin on a shared host', 'https://dash.vercel.app'],
    ['an exact deploy of another Netlify site', 'https://main--other-site.netlify.app'],
  ])('accepts %s: %s', (_name, value) => {
    expect(parseOriginPattern(value, { ...mySite, checkedDomains: asBuilt(value) })?.template).toBe(value);
  });

  it.each([
    ['every GitHub Pages site', 'https://*.github.io'],
    ['every Vercel deployment', 'https://*.vercel.app'],
    ['every .co.uk domain', 'https://*.co.uk'],
    ['every Netlify site whose name starts with "a"', 'https://a*.netlify.app'],
    ['every Netlify site', 'https://*.netlify.app'],
    ["another site's deploys", 'https://*--other-site.netlify.app'],
    ['a site whose name merely ends like ours', 'https://*-my-site.netlify.app'],
    ['a label under our netlify.app site', 'https://*.my-site.netlify.app'],
    ["our site's deploys spelled with a prefix", 'https://pr-*--my-site.netlify.app'],
    ['every Netlify site on the old domain', 'https://*.netlify.com'],
    ["a site's deploys on the old domain", 'https://*--my-site.netlify.com'],
    ['every .com domain', 'https://*.com'],
    ['every App Engine app', 'https://*.appspot.com'],
    ['every Heroku app', 'https://*.herokuapp.com'],
    ['every Cloudflare Pages site', 'https://*.pages.dev'],
    ['every Firebase site', 'https://*.web.app'],
    ['every S3 bucket', 'https://*.s3.amazonaws.com'],
    ['every domain whose name starts with "dash"', 'https://dash*.com'],
    ['a wildcard over an IP address', 'https://*.0.0.1'],
  ])('refuses %s: %s', (_name, value) => {
    expect(parseOriginPattern(value, { ...mySite, checkedDomains: asBuilt(value) })).toBeNull();
  });

  it("refuses a wildcard over a domain of one's own that this deploy's build has not checked", () => {
    expect(parseOriginPattern('https://*.previews.example.com', mySite)).toBeNull();
    expect(parseOriginPattern('https://*.previews.example.com', { ...mySite, checkedDomains: new Set(['other.example.com']) })).toBeNull();
  });

  it("refuses every netlify.app template when the site's name is unknown", () => {
    expect(parseOriginPattern('https://*--my-site.netlify.app')).toBeNull();
    expect(parseOriginPattern('https://*--my-site.netlify.app', { siteName: 'not a site' })).toBeNull();
  });

  it("lets this site's template match its deploys and nothing of another site", () => {
    const mine = parseOriginPattern('https://*--my-site.netlify.app', mySite) as OriginPattern;
    expect(matchesOriginPattern('https://deploy-preview-3--my-site.netlify.app', [mine])).toBe(true);
    expect(matchesOriginPattern('https://deploy-preview-3--other-site.netlify.app', [mine])).toBe(false);
    expect(matchesOriginPattern('https://a-my-site.netlify.app', [mine])).toBe(false);
  });
});

describe('parseOriginPatternList', () => {
  it('reads a comma-separated list, skipping empty entries', () => {
    expect(parseOriginPatternList(' https://*--a.netlify.app ,, http://127.0.0.1:8886', { siteName: 'a' })?.map((p) => p.template)).toEqual([
      'https://*--a.netlify.app',
      'http://127.0.0.1:8886',
    ]);
  });

  it('refuses the whole list when one entry is not a template or not allowed', () => {
    expect(parseOriginPatternList('https://*--a.netlify.app, https://*.netlify.app', { siteName: 'a' })).toBeNull();
    expect(parseOriginPatternList('https://*--a.netlify.app, https://*.github.io', { siteName: 'a', checkedDomains: asBuilt('https://*.github.io') })).toBeNull();
  });

  it('matches against every entry', () => {
    const list = parseOriginPatternList('https://*--a.netlify.app,https://*.previews.example.com', { siteName: 'a', checkedDomains: asBuilt('https://*.previews.example.com') }) ?? [];
    expect(matchesOriginPattern('https://x--a.netlify.app', list)).toBe(true);
    expect(matchesOriginPattern('https://pr-1.previews.example.com', list)).toBe(true);
    expect(matchesOriginPattern('https://x--c.netlify.app', list)).toBe(false);
  });
});

describe('siteNameFromNetlifyOrigin', () => {
  it.each([
    ['https://dash-site.netlify.app', 'dash-site'],
    ['https://5f2b9c0d1e3a4b5c6d7e8f90--dash-site.netlify.app', 'dash-site'],
    ['https://dash.example.com', null],
    ['https://main--dash-site.netlify.app', null],
    ['http://localhost:8888', null],
    ['https://dash-site.netlify.app.evil.example', null],
  ])('reads %s as %s', (origin, name) => {
    expect(siteNameFromNetlifyOrigin(origin)).toBe(name);
  });
});
