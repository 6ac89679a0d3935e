/**
 * Starts the dashboard locally the way Netlify runs it: `netlify dev` (mode "dev", Vite with hot reload)
 * or `netlify serve` (mode "serve", the production build with bundled functions, redirects and headers).
 * With no FIRMAFON_CLIENT_ID configured (shell or .env), it first starts the built-in Firmafon sandbox and
 * points the functions at it; with one, it talks to FIRMAFON_URL and starts no sandbox.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import * as v from 'valibot';
import { CALLBACK_PATH, DEFAULT_FIRMAFON_URL } from '../common/routes.ts';
import { startSandbox } from '../sandbox/server.ts';

export type LocalRunMode = 'dev' | 'serve';

const Port = v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(65535));

const LocalEnvSchema = v.object({
  PORT: v.optional(Port, '8888'),
  VITE_PORT: v.optional(Port, '5173'),
  SANDBOX_PORT: v.optional(Port, '8899'),
  SANDBOX_CALLS: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(0), v.maxValue(100_000))),
  SANDBOX_CLIENT_SECRET: v.optional(v.pipe(v.string(), v.minLength(16))),
  FIRMAFON_CLIENT_ID: v.optional(v.string()),
});

export const SANDBOX_CLIENT_ID = 'firmafon-dashboard-local';

function readEnv() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const parsed = v.safeParse(LocalEnvSchema, process.env);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const name = issue.path?.map((p) => String(p.key)).join('.') ?? 'environment';
    console.error(`Invalid ${name}: ${issue.message}`);
    process.exit(1);
  }
  return parsed.output;
}

export async function runLocal(mode: LocalRunMode): Promise<void> {
  const env = readEnv();
  const origins = [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(env.PORT),
    VITE_PORT: String(env.VITE_PORT),
    BROWSER: 'none',
    ALLOWED_ORIGINS: [process.env.ALLOWED_ORIGINS, ...origins].filter(Boolean).join(','),
  };

  let closeSandbox = async () => {};
  let sandboxNote: string;
  if (env.FIRMAFON_CLIENT_ID) {
    sandboxNote = `Firmafon: ${process.env.FIRMAFON_URL ?? DEFAULT_FIRMAFON_URL} (client ${env.FIRMAFON_CLIENT_ID})`;
  } else {
    const clientSecret = env.SANDBOX_CLIENT_SECRET ?? randomBytes(24).toString('base64url');
    const sandbox = await startSandbox({
      port: env.SANDBOX_PORT,
      calls: env.SANDBOX_CALLS,
      clients: [
        {
          clientId: SANDBOX_CLIENT_ID,
          clientSecret,
          name: 'Firmafon Dashboard (local)',
          redirectUris: origins.map((origin) => `${origin}${CALLBACK_PATH}`),
        },
      ],
    });
    closeSandbox = sandbox.close;
    Object.assign(childEnv, {
      FIRMAFON_URL: sandbox.url,
      FIRMAFON_CLIENT_ID: SANDBOX_CLIENT_ID,
      FIRMAFON_CLIENT_SECRET: clientSecret,
      FIRMAFON_PKCE: process.env.FIRMAFON_PKCE ?? 'on',
    });
    sandboxNote = `Firmafon sandbox: ${sandbox.url} (sign in as mette@firmafon.test, password "sandbox")`;
  }

  // Telemetry would try the network, which a local run must not need.
  spawnSync('netlify', ['--telemetry-disable'], { env: childEnv, stdio: 'ignore' });
  const args =
    mode === 'dev'
      ? ['dev', '--offline', '--port', String(env.PORT), '--target-port', String(env.VITE_PORT)]
      : ['serve', '--offline', '--port', String(env.PORT)];
  const child = spawn('netlify', args, { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  child.stdout.on('data', (chunk: Buffer) => {
    // Netlify's own banner names a URL before the sandbox note; keep its log, print ours when ready.
    process.stdout.write(chunk);
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await closeSandbox();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  child.on('exit', (code) => void stop(code ?? 1));

  const url = `http://localhost:${env.PORT}`;
  for (let attempt = 0; attempt < 600 && !stopping; attempt += 1) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not up yet
    }
    await delay(500);
  }
  if (!stopping) {
    console.log(`\n  Firmafon Dashboard is running: ${url}\n  ${sandboxNote}\n  Stop with Ctrl+C.\n`);
  }
}
