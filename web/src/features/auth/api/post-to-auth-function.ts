/**
 * POSTs JSON to one of our own auth functions (`/api/auth/*`) and parses the answer with a schema. The custom
 * header proves the request came from our own script (see common/routes.ts); errors become ApiError with the
 * function's stable error code.
 */
import type * as v from 'valibot';
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE } from '@common/routes.ts';
import { fetchJson } from '@/lib/fetch-json.ts';

export function postToAuthFunction<TSchema extends v.GenericSchema>(path: string, body: unknown, schema: TSchema): Promise<v.InferOutput<TSchema>> {
  return fetchJson(
    path,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    },
    schema,
    path,
  );
}
