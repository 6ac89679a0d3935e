/**
 * This deploy's own addresses as Netlify gave them to its build (DEPLOY_PRIME_URL, DEPLOY_URL), which functions do not
 * get at run time, and the RELAY_ORIGIN_PATTERN wildcard domains the build found owned (RELAY_PATTERN_DOMAINS).
 * Written by scripts/capture-deploy-env.ts during a Netlify build; empty in the repository and in local builds.
 * Read, and validated, by env.ts. Do not edit.
 */
export const DEPLOY_BUILD_ENV: Readonly<Record<string, string>> = {};
