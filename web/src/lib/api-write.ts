/**
 * The SPA's writes to Firmafon, through the proxy's allowlist (functions/_lib/proxy-writes.ts): JSON with the
 * dashboard's own request header and the in-memory token, sent once. A module of its own so that only the pages that
 * write load it (the sign-in page's JavaScript stays small); reads and the 401 handling are api-client.ts's.
 */
import * as v from 'valibot';
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE } from '@common/routes.ts';
import { buildUrl, currentToken, dropTokenOn401 } from './api-client.ts';
import { ApiError, invalidResponseCode } from './api-error.ts';
import { fetchJson } from './fetch-json.ts';
import { parseWith } from './parse-with.ts';

export type WriteMethod = 'POST' | 'PUT' | 'DELETE';

/**
 * One write to Firmafon through the proxy's allowlist (functions/_lib/proxy-writes.ts), e.g.
 * `firmafonWrite('POST', '/switch/dial', { body, schema })`. `body` goes as JSON; build it with the schema in
 * common/write-contract.ts. Never retried here, and callers must not retry it either: after a timeout Firmafon may
 * already have acted (a second dial rings twice).
 */
export async function firmafonWrite<TSchema extends v.GenericSchema>(
  method: WriteMethod,
  path: string,
  { body, schema }: { body?: unknown; schema: TSchema },
): Promise<v.InferOutput<TSchema>> {
  const token = currentToken();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  return dropTokenOn401(token, fetchJson(buildUrl(path, undefined), init, parseWith(schema), 'Firmafon'));
}

/**
 * A write whose answer does not matter (a dial, a delete): any 2xx is done, even when Firmafon's answer is not JSON —
 * its bodies are not documented, and treating an accepted request as failed would invite a second one.
 */
export async function firmafonWriteAccepted(method: WriteMethod, path: string, body?: unknown): Promise<void> {
  try {
    await firmafonWrite(method, path, { body, schema: v.unknown() });
  } catch (error) {
    if (error instanceof ApiError && error.status >= 200 && error.status < 300 && error.code === invalidResponseCode) return;
    throw error;
  }
}
