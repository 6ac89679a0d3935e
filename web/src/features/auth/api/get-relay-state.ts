/**
 * `POST /api/auth/relay-state`: a deploy preview (config.redirectUri set: the production relay) gets the `state`
 * for a sign-in from its own function — the tab's random nonce and this origin, signed — so the relay knows
 * where to send Firmafon's answer (docs/decisions/0007). The SPA stores and compares the string as it is.
 */
import * as v from 'valibot';
import { RelayStateResponseSchema, type RelayStateRequest } from '../../../../../common/relay-contract.ts';
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE, RELAY_STATE_PATH } from '../../../../../common/routes.ts';
import { ApiError, invalidResponseCode, networkErrorCode } from '../../../lib/api-error.ts';

export async function getRelayState(nonce: string): Promise<string> {
  const body: RelayStateRequest = { nonce };
  let response: Response;
  try {
    response = await fetch(RELAY_STATE_PATH, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE,
      },
      body: JSON.stringify(body),
      cache: 'no-store',
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
  const parsed = v.safeParse(RelayStateResponseSchema, json);
  if (!response.ok || !parsed.success) {
    throw new ApiError({
      status: response.status,
      code: response.ok ? invalidResponseCode : `http_${response.status}`,
      message: 'Could not prepare the sign-in state',
    });
  }
  return parsed.output.state;
}
