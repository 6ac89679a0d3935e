/**
 * Which origins are deploys of this site — deploy previews, branch deploys, deploy permalinks — written as origin
 * templates. The relay sends authorization codes only to an origin that matches, so the language is deliberately tiny:
 *
 * - A template is an origin (`https://host[:port]`, lowercase, no path) with at most one `*`, and only in the host's
 *   first label: `https://*--my-site.netlify.app`, `https://*.previews.example.com`. A template without `*` is one
 *   exact origin (`http://127.0.0.1:8886`, for local runs).
 * - `*` stands for one or more runs of `[a-z0-9]` joined by single hyphens: it never matches a dot, a colon, `@`, an
 *   uppercase letter, a leading/trailing hyphen or `--`. The label it sits in may be at most 63 characters (RFC 1035).
 * - A candidate must already be a canonical origin (what `new URL(…).origin` prints): userinfo, a port the template
 *   does not name, a trailing dot, uppercase, a path or a punycode (`xn--`) label never match.
 * - A wildcard must stay inside one owner's domain. The part after the wildcard's label may not be a public suffix,
 *   from the ICANN or the private section of the Public Suffix List (`com`, `co.uk`, and shared hosts such as
 *   `github.io`, `vercel.app`, `netlify.app`): there, each label belongs to someone else. The list is ~130 KB, so the
 *   deploy's build checks it (origin-owners.ts, run by scripts/capture-deploy-env.ts, which fails the build on a
 *   refused pattern) and hands the functions the domains it found owned; a wildcard over any other domain is refused
 *   here. On netlify.app the one wildcard allowed is this site's own deploys, `https://*--{site}.netlify.app`. This
 *   list is the last line of defence if RELAY_SIGNING_KEY leaks (docs/decisions/0007).
 */
import { parseOrigin } from './origins.ts';

/** One parsed template. Build it with `parseOriginPattern`; match with `matchesOriginPattern`. */
export interface OriginPattern {
  /** The template as configured (normalised), for messages and tests. */
  readonly template: string;
  readonly regex: RegExp;
}

/**
 * Netlify's shared domains: every site and every deploy lives under them. netlify.app is a public suffix already;
 * netlify.com (older sites) is not in the list, so it is named here.
 */
const NETLIFY_DOMAINS = ['netlify.app', 'netlify.com'];
const WILDCARD_MATCH = '[a-z0-9]+(?:-[a-z0-9]+)*';
const PLACEHOLDER = 'x0wildcard0x';
const MAX_LABEL_LENGTH = 63;
/** A Netlify site name (its netlify.app subdomain). `--` is refused: it separates a deploy label from the site name. */
const SITE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** What decides whether a template is allowed besides its own text. */
export interface OriginPatternOptions {
  /** This site's Netlify name: the only site whose deploys a netlify.app template may name. */
  siteName?: string | undefined;
  /**
   * The hosts a wildcard may stand in front of (outside netlify.app): those the deploy's build found to be within one
   * owner's domain on the Public Suffix List (origin-owners.ts). None unless the build checked them.
   */
  checkedDomains?: ReadonlySet<string> | undefined;
}

const NO_DOMAINS: ReadonlySet<string> = new Set();

/** The host after the wildcard's label of a template (`previews.example.com` for `https://*.previews.example.com`), or null. */
export function wildcardDomain(value: string): string | null {
  const template = value.trim().toLowerCase().replace(/\/$/, '');
  if (!template.includes('*')) return null;
  const probe = template.replace('*', PLACEHOLDER);
  if (!URL.canParse(probe)) return null;
  const [, ...rest] = new URL(probe).hostname.split('.');
  return rest.length >= 2 ? rest.join('.') : null;
}

const onNetlify = (hostname: string) => NETLIFY_DOMAINS.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));

/** Parses one template (see the module comment), or returns `null` when it is not one or is not allowed. */
export function parseOriginPattern(value: string, options: OriginPatternOptions = {}): OriginPattern | null {
  const template = value.trim().toLowerCase().replace(/\/$/, '');
  const stars = template.split('*').length - 1;
  if (stars === 0) {
    const origin = parseOrigin(template);
    return origin === null ? null : { template: origin, regex: new RegExp(`^${escapeRegExp(origin)}$`) };
  }
  if (stars > 1) return null;
  const probe = template.replace('*', PLACEHOLDER);
  // Canonical already (no default port, no trailing dot, no IDN that the URL parser would rewrite), so the regex
  // below describes exactly the strings `new URL(…).origin` can print.
  if (parseOrigin(probe) !== probe) return null;
  const { hostname, protocol } = new URL(probe);
  if (hostname.endsWith('.')) return null;
  const [first = '', ...rest] = hostname.split('.');
  if (!first.includes(PLACEHOLDER) || rest.length < 2) return null;
  if (hostname.split('.').some((label) => label.startsWith('xn--'))) return null;
  if (onNetlify(hostname)) {
    const { siteName } = options;
    if (siteName === undefined || !isNetlifySiteName(siteName) || template !== `https://*--${siteName}.netlify.app`) return null;
  } else if (!(options.checkedDomains ?? NO_DOMAINS).has(rest.join('.'))) {
    return null;
  }
  const [before = '', after = ''] = probe.split(PLACEHOLDER);
  if (!before.startsWith(`${protocol}//`)) return null;
  return { template, regex: new RegExp(`^${escapeRegExp(before)}${WILDCARD_MATCH}${escapeRegExp(after)}$`) };
}

/**
 * Parses a comma-separated list of templates; `null` if any entry is not a template (the caller names the variable).
 */
export function parseOriginPatternList(value: string, options: OriginPatternOptions = {}): OriginPattern[] | null {
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const patterns = entries.map((entry) => parseOriginPattern(entry, options));
  return patterns.every((pattern) => pattern !== null) ? patterns : null;
}

/** Does `candidate`, exactly as given, match one of the templates? */
export function matchesOriginPattern(candidate: string, patterns: readonly OriginPattern[]): boolean {
  if (candidate.length > 300 || parseOrigin(candidate) !== candidate) return false;
  const { hostname } = new URL(candidate);
  const labels = hostname.split('.');
  if (labels.some((label) => label.length > MAX_LABEL_LENGTH || label.startsWith('xn--'))) return false;
  return patterns.some((pattern) => pattern.regex.test(candidate));
}

/** The default template for a Netlify site: `https://*--{site}.netlify.app` (previews, branch deploys, permalinks). */
export function netlifyDeployPattern(siteName: string): OriginPattern | null {
  return isNetlifySiteName(siteName) ? parseOriginPattern(`https://*--${siteName}.netlify.app`, { siteName }) : null;
}

export function isNetlifySiteName(value: string): boolean {
  return SITE_NAME.test(value) && !value.includes('--');
}

/**
 * The site name from a Netlify URL: `https://{site}.netlify.app` (the main URL when there is no custom domain) or a
 * permalink `https://{24 hex}--{site}.netlify.app`; `null` for anything else (custom domains, local runs).
 */
export function siteNameFromNetlifyOrigin(origin: string): string | null {
  const match = /^https:\/\/(?:[0-9a-f]{24}--)?([a-z0-9-]+)\.netlify\.app$/.exec(origin);
  const name = match?.[1];
  return name !== undefined && isNetlifySiteName(name) ? name : null;
}
