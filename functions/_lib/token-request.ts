/**
 * Validates the SPA's token request body against the shared contract. Descriptions name the field and the
 * rule, never the value (a code or verifier must not travel back into a response or a log).
 */
import * as v from 'valibot';
import { TokenRequestSchema, type TokenRequest } from '../../common/token-contract.ts';
import { ok, refuse, type Result } from './http.ts';

const FIELDS = ['code', 'redirect_uri', 'code_verifier', 'state'] as const;

/** 400 `invalid_request` naming the first field that breaks the contract. */
export function parseTokenRequest(body: unknown): Result<TokenRequest> {
  const invalid = (description: string) => refuse({ status: 400, error: 'invalid_request', description });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid('The request body must be a JSON object with code and redirect_uri.');
  }
  const parsed = v.safeParse(TokenRequestSchema, body);
  if (parsed.success) return ok(parsed.output);
  const issue = parsed.issues[0];
  const key = issue.path?.[0]?.key;
  const field = FIELDS.find((known) => known === key);
  if (field === undefined) return invalid('The request body does not match the token request contract.');
  switch (issue.type) {
    case 'object': // a missing key
    case 'string':
      return invalid(issue.input === undefined ? `${field} is required.` : `${field} must be a string.`);
    case 'min_length':
      return invalid(`${field} is required.`);
    case 'max_length':
      return invalid(`${field} is too long.`);
    case 'check':
      return invalid(`${field} must be an absolute URL.`);
    default:
      return invalid(`${field} is malformed.`);
  }
}
