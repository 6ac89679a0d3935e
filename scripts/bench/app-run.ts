/**
 * The production-like run for the benchmark: `tsx scripts/serve.ts` (netlify serve: the built SPA, bundled
 * functions, redirects and headers, on the Firmafon sandbox) on free loopback ports, started as a child
 * process group and stopped with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from '../free-port.ts';
import { SANDBOX_CLIENT_ID } from '../local-run.ts';

export interface AppRun {
  /** `http://localhost:PORT` */
  appUrl: string;
  /** `http://127.0.0.1:PORT` */
  sandboxUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Starts the run and resolves once `/api/config` answers; `logFile` receives its output. `cwd`: the checkout to
 * serve (its own scripts/serve.ts, build, functions and sandbox), by default this one.
 */
export async function startAppRun({ logFile, timeoutMs = 240_000, cwd }: { logFile: string; timeoutMs?: number; cwd?: string }): Promise<AppRun> {
  const port = await freePort();
  const sandboxPort = await freePort();
  const clientSecret = `bench-${randomBytes(18).toString('base64url')}`;
  const log = createWriteStream(logFile);
  const child = spawn('npx', ['tsx', 'scripts/serve.ts'], {
    cwd,
    env: {
      ...process.env,
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_CLIENT_SECRET: clientSecret,
      // Always the sandbox, whatever .env says.
      FIRMAFON_CLIENT_ID: '',
      FIRMAFON_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const appUrl = `http://localhost:${port}`;
  const stop = async () => {
    signalGroup(child, 'SIGTERM');
    // serve.ts stops netlify (its own process group) and the sandbox on SIGTERM; give it a moment.
    await Promise.race([exited(child), delay(10_000)]);
    signalGroup(child, 'SIGKILL');
    log.end();
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app run exited early (code ${child.exitCode}); see ${logFile}`);
    try {
      const response = await fetch(`${appUrl}/api/config`, { signal: AbortSignal.timeout(3000) });
      if (response.ok) {
        return {
          appUrl,
          sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
          clientId: SANDBOX_CLIENT_ID,
          clientSecret,
          redirectUri: `${appUrl}/auth/callback`,
          stop,
        };
      }
    } catch {
      // not up yet
    }
    await delay(500);
  }
  await stop();
  throw new Error(`the app run did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
}
