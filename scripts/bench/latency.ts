/**
 * Added latency of the token function and the API proxy: the same requests straight to the sandbox, to the
 * functions' own code hosted in a process of their own, and through the production-like run (netlify serve), at
 * 1 and at 50 concurrent clients. Loopback only; every token request redeems a fresh code from the sandbox's authorize
 * flow (issued before the timed requests, so issuing is not timed).
 */
import { performance } from 'node:perf_hooks';
import { DASHBOARD_REQUEST_HEADER, DASHBOARD_REQUEST_HEADER_VALUE, FIRMAFON_API_BASE_PATH, PROXY_PREFIX, TOKEN_PATH } from '../../common/routes.ts';
import { bindingState } from '../../common/sign-in-binding.ts';
import { SandboxOAuthClient } from '../../sandbox/client.ts';
import type { AppRun } from './app-run.ts';
import { hostFunctions } from './function-host.ts';
import { httpRequest, keepAliveAgent, type HttpResponse } from './http-client.ts';
import { summarize, type Summary } from './stats.ts';

export type Endpoint = 'token' | 'proxy';
export type Target = 'direct' | 'netlify' | 'function';

export interface LatencyCell {
  endpoint: Endpoint;
  target: Target;
  concurrency: number;
  summary: Summary;
  errors: number;
  firstError: string | null;
}

export interface LatencyOptions {
  requests: number;
  warmup: number;
  /** Each cell stops sending new requests after this long (netlify serve starts a worker per call). */
  cellTimeLimitMs: number;
  /** No cell starts after this (epoch ms). */
  deadline: number;
  concurrencies: readonly number[];
  /** Skip the separate function host (e.g. when the functions' module shape changed). */
  withFunctionHost?: boolean;
  log?: (line: string) => void;
  /** Receives each cell as soon as it is measured (the caller keeps what was measured if the run is cut short). */
  onCell?: (cell: LatencyCell) => void;
}

const PROXIED_PATH = '/calls?limit=30';
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Sends `count` requests from `concurrency` clients (no new request after `deadline`, epoch ms); returns each
 * successful request's duration in ms.
 */
async function timeRequests(
  count: number,
  concurrency: number,
  send: (index: number) => Promise<HttpResponse>,
  deadline = Number.POSITIVE_INFINITY,
): Promise<{ durations: number[]; errors: number; firstError: string | null }> {
  const durations: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const client = async () => {
    while (next < count && Date.now() < deadline) {
      const index = next;
      next += 1;
      const started = performance.now();
      try {
        const response = await send(index);
        const elapsed = performance.now() - started;
        if (response.status === 200) durations.push(elapsed);
        else {
          errors += 1;
          firstError ??= `${response.status} ${response.body.slice(0, 160)}`;
        }
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { durations, errors, firstError };
}

export async function measureLatency(run: AppRun, options: LatencyOptions): Promise<LatencyCell[]> {
  const log = options.log ?? (() => {});
  const issuer = new SandboxOAuthClient({ sandboxUrl: run.sandboxUrl, clientId: run.clientId, redirectUri: run.redirectUri });

  // One real token for the proxy requests, redeemed straight at the sandbox.
  const tokenResponse = await redeemDirect(run, await issuer.code(), issuer.pkce.verifier);
  if (tokenResponse.status !== 200) throw new Error(`could not get a token: ${tokenResponse.status} ${tokenResponse.body}`);
  const accessToken = (JSON.parse(tokenResponse.body) as { access_token: string }).access_token;

  const host = options.withFunctionHost === false ? null : await hostFunctions(run);
  const bases: Record<Target, string | null> = { direct: run.sandboxUrl, netlify: run.appUrl, function: host?.url ?? null };
  const cells: LatencyCell[] = [];
  try {
    for (const endpoint of ['proxy', 'token'] as const) {
      for (const concurrency of options.concurrencies) {
        // The slow netlify-serve cell last, so that running out of time never costs the function-code figures.
        for (const target of ['direct', 'function', 'netlify'] as const) {
          const base = bases[target];
          if (base === null) continue;
          if (Date.now() > options.deadline) {
            log(`    ${endpoint} ${target} c=${concurrency}: skipped, out of time`);
            continue;
          }
          const agent = keepAliveAgent(concurrency);
          const total = options.warmup + options.requests;
          const codes = endpoint === 'token' ? await issuer.codes(total) : [];
          // The state that came back with each code, bound to the verifier as the SPA binds it (ADR 11); a cell lasts
          // far less than the binding's 10 minutes.
          const state = await bindingState(issuer.pkce.verifier, Date.now() / 1000);
          const send = (index: number): Promise<HttpResponse> => {
            if (endpoint === 'proxy') {
              const url = target === 'direct' ? `${base}${FIRMAFON_API_BASE_PATH}${PROXIED_PATH}` : `${base}${PROXY_PREFIX}${PROXIED_PATH}`;
              return httpRequest(url, { agent, timeoutMs: REQUEST_TIMEOUT_MS, headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } });
            }
            const code = codes[index] ?? '';
            return target === 'direct'
              ? redeemDirect(run, code, issuer.pkce.verifier, agent)
              : httpRequest(`${base}${TOKEN_PATH}`, {
                  method: 'POST',
                  agent,
                  timeoutMs: REQUEST_TIMEOUT_MS,
                  headers: {
                    'Content-Type': 'application/json',
                    Origin: run.appUrl,
                    'Sec-Fetch-Site': 'same-origin',
                    [DASHBOARD_REQUEST_HEADER]: DASHBOARD_REQUEST_HEADER_VALUE,
                  },
                  body: JSON.stringify({ code, redirect_uri: run.redirectUri, code_verifier: issuer.pkce.verifier, state }),
                });
          };
          // Warm-up (cold starts, connection set-up) is sent but not counted.
          await timeRequests(options.warmup, Math.min(concurrency, options.warmup), send, Date.now() + options.cellTimeLimitMs);
          const offset = options.warmup;
          const result = await timeRequests(options.requests, concurrency, (index) => send(index + offset), Date.now() + options.cellTimeLimitMs);
          agent.destroy();
          const cell = { endpoint, target, concurrency, summary: summarize(result.durations), errors: result.errors, firstError: result.firstError };
          cells.push(cell);
          options.onCell?.(cell);
          log(
            `    ${endpoint} ${target.padEnd(8)} c=${String(concurrency).padEnd(3)} n=${String(cell.summary.n).padEnd(4)} p50 ${cell.summary.p50.toFixed(2)} ms, p99 ${cell.summary.p99.toFixed(2)} ms` +
              (cell.errors ? `, ${cell.errors} errors (${cell.firstError})` : ''),
          );
        }
      }
    }
  } finally {
    await host?.close();
  }
  return cells;
}

function redeemDirect(run: AppRun, code: string, verifier: string, agent = keepAliveAgent(1)): Promise<HttpResponse> {
  return httpRequest(`${run.sandboxUrl}${FIRMAFON_API_BASE_PATH}/token`, {
    method: 'POST',
    agent,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: run.redirectUri,
      client_id: run.clientId,
      client_secret: run.clientSecret,
      code_verifier: verifier,
    }).toString(),
  });
}
