/**
 * Which URLs the dashboard may be configured to talk to: https, or http on a loopback host (the local sandbox and
 * dev servers; RFC 9700 §2.1, RFC 8252 §8.3). Shared by the functions' origin checks and the push service's URL.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Is `url` https, or http on a loopback host? */
export function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}
