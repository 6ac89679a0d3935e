/**
 * POSTs JSON to one of our own auth functions (`/api/auth/*`) and reads the answer with `parse`. The custom
 * header proves the request came from our own script (see common/routes.ts); errors become ApiError with the
 * function's stable error code.
 */
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE } from '@common/routes.ts';
import { fetchJson, type Parse } from '@/lib/fetch-json.ts';

export function postToAuthFunction<T>(path: string, body: unknown, parse: Parse<T>): Promise<T> {
  return fetchJson(
    path,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    },
    parse,
    path,
  );
}
