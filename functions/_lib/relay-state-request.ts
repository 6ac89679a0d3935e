/**
 * Validates the SPA's relay-state request body (`{ nonce }`) against the shared contract. Descriptions name the
 * field and the rule, never the value.
 */
import * as v from 'valibot';
import { RelayStateRequestSchema, type RelayStateRequest } from '../../common/relay-contract.ts';
import { ok, refuse, type Result } from './http.ts';

/** 400 `invalid_request` unless the body is exactly `{ nonce: <43 base64url characters> }`. */
export function parseRelayStateRequest(body: unknown): Result<RelayStateRequest> {
  const invalid = (description: string) => refuse({ status: 400, error: 'invalid_request', description });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('The request body must be a JSON object with nonce.');
  const parsed = v.safeParse(RelayStateRequestSchema, body);
  if (parsed.success) return ok(parsed.output);
  const issue = parsed.issues[0];
  const key = issue.path?.[0]?.key;
  if (key !== 'nonce') return invalid('The request body must hold only nonce.');
  if (issue.input === undefined) return invalid('nonce is required.');
  return invalid(typeof issue.input === 'string' ? 'nonce must be 43 base64url characters.' : 'nonce must be a string.');
}
