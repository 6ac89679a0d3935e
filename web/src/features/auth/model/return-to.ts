/**
 * Where to go after signing in. Only a same-origin path is allowed (never `//host`, `/\host` or an absolute
 * URL: an open redirect, RFC 9700 §4.11), and never the callback itself.
 */
import { CALLBACK_PATH } from '@common/routes.ts';

export const DEFAULT_RETURN_TO = '/calls';

export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_RETURN_TO;
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return DEFAULT_RETURN_TO;
  let url: URL;
  try {
    url = new URL(value, 'https://dashboard.invalid');
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (url.origin !== 'https://dashboard.invalid') return DEFAULT_RETURN_TO;
  if (url.pathname === '/' || url.pathname === CALLBACK_PATH || url.pathname.startsWith(`${CALLBACK_PATH}/`)) return DEFAULT_RETURN_TO;
  return `${url.pathname}${url.search}${url.hash}`;
}
