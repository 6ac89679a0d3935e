/**
 * POSTs JSON to one of our own auth functions (`/api/auth/*`) and parses the answer with a schema. The custom
 * header proves the request came from our own script (see common/routes.ts); errors become ApiError with the
 * function's stable error code.
 */
import * as v from 'valibot';
import { ErrorBodySchema } from '../../../../../common/errors.ts';
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE } from '../../../../../common/routes.ts';
import { ApiError, invalidResponseCode, networkErrorCode } from '../../../lib/api-error.ts';

export async function postToAuthFunction<TSchema extends v.GenericSchema>(
  path: string,
  body: unknown,
  schema: TSchema,
): Promise<v.InferOutput<TSchema>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE,
      },
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: networkErrorCode, message: 'Could not reach the server' });
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // handled below
  }
  if (!response.ok) {
    const parsed = v.safeParse(ErrorBodySchema, json);
    throw new ApiError({
      status: response.status,
      code: parsed.success ? parsed.output.error : response.status === 429 ? 'rate_limited' : `http_${response.status}`,
      message: (parsed.success ? parsed.output.error_description : undefined) ?? `Request to ${path} failed (${response.status})`,
      retryAfterSeconds: Number(response.headers.get('Retry-After')) || null,
    });
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    throw new ApiError({ status: response.status, code: invalidResponseCode, message: `The answer from ${path} has an unexpected shape` });
  }
  return parsed.output;
}
