/**
 * The token function's answer to the SPA (`POST /api/auth/token`): the access token and, when the provider says, its
 * lifetime. Its own module, without valibot: the redemption that the first script starts reads it
 * (docs/decisions/0004, amendment).
 */
import { fieldsOf, numberField, ShapeError, stringField } from './shape.ts';

export const MAX_ACCESS_TOKEN_LENGTH = 4096;

export interface TokenResponse {
  access_token: string;
  /** Seconds, when the provider says; Firmafon documents none. */
  expires_in?: number;
}

/**
 * The token function's answer. Checked by hand (common/shape.ts), so the redemption the first script starts does not
 * wait for valibot to download; throws a ShapeError naming the field that is wrong.
 */
export function parseTokenResponse(value: unknown): TokenResponse {
  const fields = fieldsOf(value, 'token response');
  const accessToken = stringField(fields, 'access_token', { nonEmpty: true });
  if (accessToken.length > MAX_ACCESS_TOKEN_LENGTH) throw new ShapeError(`access_token: Invalid length: Expected <=${MAX_ACCESS_TOKEN_LENGTH}`);
  return fields.expires_in === undefined ? { access_token: accessToken } : { access_token: accessToken, expires_in: numberField(fields, 'expires_in') };
}
