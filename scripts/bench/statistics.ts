/**
 * Loading a month for the statistics page over a slow link: the sandbox's last 30 days (15,000 calls by default),
 * every API answer delayed by 150 ms, loaded once with the sequential inclusive cursor and once as the page's day
 * windows in parallel — both with the SPA's own paging code (web/src/features/statistics/testing/load-bench.node.ts,
 * run in a child process for the SPA's import aliases). Runs alternate between the two ways, so a busy machine
 * slows both alike. Its own in-process sandbox on a free loopback port; straight to the sandbox, not through the proxy.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { addDays, dateKeyAt } from '../../common/copenhagen-time.ts';
import { FIRMAFON_API_BASE_PATH } from '../../common/routes.ts';
import { SandboxOAuthClient } from '../../sandbox/client.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { summarize, type Summary } from './stats.ts';

const run = promisify(execFile);
const LOADER = 'web/src/features/statistics/testing/load-bench.node.ts';

export type LoadMode = 'sequential' | 'windows';

export interface LoadRun {
  mode: LoadMode;
  ms: number;
  requests: number;
  calls: number;
  concurrency: number;
}

export interface StatisticsLoadResult {
  calls: number;
  latencyMs: number;
  from: string;
  to: string;
  days: number;
  runs: number;
  /** Calls in the period, as a plain count over the sandbox's /calls found them (every run must agree). */
  callsInPeriod: number;
  sequential: { summary: Summary; requests: number };
  windows: { summary: Summary; requests: number; concurrency: number };
}

export interface StatisticsLoadOptions {
  calls: number;
  latencyMs: number;
  runs: number;
  /** No run starts after this (epoch ms). */
  deadline: number;
  log?: (line: string) => void;
}

async function loadOnce(api: string, token: string, from: string, to: string, mode: LoadMode): Promise<LoadRun> {
  const { stdout } = await run('npx', ['tsx', '--tsconfig', 'web/tsconfig.node-tests.json', LOADER, '--api', api, '--from', from, '--to', to, '--mode', mode], {
    env: { ...process.env, BENCH_TOKEN: token },
    timeout: 180_000,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as LoadRun;
}

export async function measureStatisticsLoad(options: StatisticsLoadOptions): Promise<StatisticsLoadResult> {
  const log = options.log ?? (() => {});
  const client = { clientId: 'bench-statistics', clientSecret: `bench-${randomBytes(18).toString('base64url')}`, name: 'Bench', redirectUris: ['http://localhost/auth/callback'] };
  const now = new Date();
  const sandbox = await startSandbox({ clients: [client], calls: options.calls, latencyMs: options.latencyMs, now });
  try {
    const token = await new SandboxOAuthClient({ sandboxUrl: sandbox.url, clientId: client.clientId, clientSecret: client.clientSecret, redirectUri: client.redirectUris[0]! }).token();
    const api = `${sandbox.url}${FIRMAFON_API_BASE_PATH}`;
    // The sandbox's history reaches 30 days back from today: 31 day windows hold all of it.
    const to = dateKeyAt(now.getTime());
    const from = addDays(to, -30);
    const byMode: Record<LoadMode, LoadRun[]> = { sequential: [], windows: [] };
    for (let i = 0; i < options.runs && Date.now() < options.deadline; i += 1) {
      for (const mode of ['windows', 'sequential'] as const) {
        const result = await loadOnce(api, token, from, to, mode);
        byMode[mode].push(result);
        log(`    ${mode.padEnd(10)} run ${i + 1}: ${result.calls} calls in ${(result.ms / 1000).toFixed(2)} s, ${result.requests} requests`);
      }
    }
    const all = [...byMode.sequential, ...byMode.windows];
    const counts = new Set(all.map((r) => r.calls));
    if (counts.size !== 1) throw new Error(`the two ways loaded different numbers of calls: ${[...counts].join(', ')}`);
    const last = (mode: LoadMode) => byMode[mode].at(-1);
    return {
      calls: options.calls,
      latencyMs: options.latencyMs,
      from,
      to,
      days: 31,
      runs: byMode.windows.length,
      callsInPeriod: all[0]?.calls ?? 0,
      sequential: { summary: summarize(byMode.sequential.map((r) => r.ms)), requests: last('sequential')?.requests ?? 0 },
      windows: { summary: summarize(byMode.windows.map((r) => r.ms)), requests: last('windows')?.requests ?? 0, concurrency: last('windows')?.concurrency ?? 0 },
    };
  } finally {
    await sandbox.close();
  }
}
