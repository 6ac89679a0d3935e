/**
 * The Public Suffix List side of RELAY_ORIGIN_PATTERN (origin-patterns.ts): does a wildcard stay within one owner's
 * domain? Used by the deploy's build (scripts/capture-deploy-env.ts) and by tests — never imported by a function,
 * because the list (tldts, with the private section: github.io, vercel.app, netlify.app…) is ~130 KB.
 */
import { parse as parseDomain } from 'tldts';
import { wildcardDomain } from './origin-patterns.ts';

/**
 * Does a wildcard in front of `fixed` (the host after the wildcard's label) stay within one registrable domain?
 * `false` when `fixed` is a public suffix (ICANN or private section) or an IP address.
 */
export function isWithinOneDomain(fixed: string): boolean {
  const parsed = parseDomain(fixed, { allowPrivateDomains: true, extractHostname: false });
  return !parsed.isIp && parsed.domain !== null;
}

/** The wildcard domains of a RELAY_ORIGIN_PATTERN value (netlify.app ones aside: a rule of their own covers them). */
function wildcardDomains(value: string): string[] {
  return value
    .split(',')
    .map((entry) => wildcardDomain(entry))
    .filter((domain): domain is string => domain !== null && domain !== 'netlify.app' && !domain.endsWith('.netlify.app') && domain !== 'netlify.com');
}

/** Splits a RELAY_ORIGIN_PATTERN's wildcard domains into those within one owner's domain and those that are not. */
export function checkPatternDomains(value: string): { owned: string[]; refused: string[] } {
  const domains = wildcardDomains(value);
  return { owned: domains.filter(isWithinOneDomain), refused: domains.filter((domain) => !isWithinOneDomain(domain)) };
}
