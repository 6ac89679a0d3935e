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
 */
import { parseOrigin } from './origins.ts';

/** One parsed template. Build it with `parseOriginPattern`; match with `matchesOriginPattern`. */
export interface OriginPattern {
  /** The template as configured (normalised), for messages and tests. */
  readonly template: string;
  readonly regex: RegExp;
}

/** Netlify's shared domain: every site's deploys live under it, so a bare `*.netlify.app` would match other sites. */
const SHARED_SUFFIXES = new Set(['netlify.app', 'netlify.com']);
const WILDCARD_MATCH = '[a-z0-9]+(?:-[a-z0-9]+)*';
const PLACEHOLDER = 'x0wildcard0x';
const MAX_LABEL_LENGTH = 63;
/** A Netlify site name (its netlify.app subdomain). `--` is refused: it separates a deploy label from the site name. */
const SITE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Parses one template (see the module comment), or returns `null` when it is not one. */
export function parseOriginPattern(value: string): OriginPattern | null {
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
  if (first === PLACEHOLDER && SHARED_SUFFIXES.has(rest.join('.'))) return null;
  if (hostname.split('.').some((label) => label.startsWith('xn--'))) return null;
  const [before = '', after = ''] = probe.split(PLACEHOLDER);
  if (!before.startsWith(`${protocol}//`)) return null;
  return { template, regex: new RegExp(`^${escapeRegExp(before)}${WILDCARD_MATCH}${escapeRegExp(after)}$`) };
}

/**
 * Parses a comma-separated list of templates; `null` if any entry is not a template (the caller names the variable).
 */
export function parseOriginPatternList(value: string): OriginPattern[] | null {
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const patterns = entries.map(parseOriginPattern);
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
  return isNetlifySiteName(siteName) ? parseOriginPattern(`https://*--${siteName}.netlify.app`) : null;
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
