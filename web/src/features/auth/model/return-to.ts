/**
 * Where to go after signing in. Only a same-origin path is allowed (never `//host`, `/\host` or an absolute
 * URL: an open redirect, RFC 9700 §4.11), and never the callback itself.
 */
import { CALLBACK_PATH } from '@common/routes.ts';

export const DEFAULT_RETURN_TO = '/calls';

const BASE = 'https://dashboard.invalid';

export function safeReturnTo(value: string | null | undefined): string {
  // One slash, not followed by another or a backslash, and no control characters anywhere.
  // eslint-disable-next-line no-control-regex
  if (!value || !/^\/(?![/\\])/.test(value) || /[\0-\x1f\x7f]/.test(value)) return DEFAULT_RETURN_TO;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  const { origin, pathname, search, hash } = url;
  if (origin !== BASE || pathname === '/' || pathname === CALLBACK_PATH || pathname.startsWith(`${CALLBACK_PATH}/`)) return DEFAULT_RETURN_TO;
  return `${pathname}${search}${hash}`;
}
