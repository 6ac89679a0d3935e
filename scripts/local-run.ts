/**
 * Starts the dashboard locally the way Netlify runs it: `netlify dev` (mode "dev", Vite with hot reload)
 * or `netlify serve` (mode "serve", the production build with bundled functions, redirects and headers, behind
 * a front that compresses responses as Netlify's CDN does: scripts/compressing-proxy.ts).
 * With no FIRMAFON_CLIENT_ID configured (shell or .env), it first starts the built-in Firmafon sandbox and
 * points the functions at it; with one, it talks to FIRMAFON_URL and starts no sandbox.
 *
 * `prebuilt` (mode "serve" only) serves the existing dist/ without building: `netlify dev --dir dist` with the
 * static server, functions and netlify.toml's redirects and headers. The browser tests use it to run a second
 * deploy (a simulated deploy preview) from the same build while the first one is up — `netlify serve` always
 * builds, and two builds into dist/ at once would clash. It runs from a temporary project root (copies of
 * netlify.toml and package.json, a link to node_modules; dist/ and functions/ passed as absolute paths), because
 * every netlify-cli start empties `<root>/.netlify/functions-serve`, which the first server's functions are
 * loaded from on every call.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import * as v from 'valibot';
import { CALLBACK_PATH, DEFAULT_FIRMAFON_URL } from '../common/routes.ts';
import { PUSH_MOUNT } from '../sandbox/push.ts';
import { startSandbox } from '../sandbox/server.ts';
import { startCompressingProxy } from './compressing-proxy.ts';
import { freePort, portTaken } from './free-port.ts';

export type LocalRunMode = 'dev' | 'serve';

const Port = v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(65535));

const LocalEnvSchema = v.object({
  PORT: v.optional(Port, '8888'),
  VITE_PORT: v.optional(Port, '5173'),
  SANDBOX_PORT: v.optional(Port, '8899'),
  SANDBOX_CALLS: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(0), v.maxValue(100_000))),
  /** Milliseconds the sandbox's token endpoint and REST API wait before each answer (default 0). */
  SANDBOX_LATENCY_MS: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(0), v.maxValue(60_000))),
  SANDBOX_CLIENT_SECRET: v.optional(v.pipe(v.string(), v.minLength(16))),
  /** The sandbox client's redirect URIs, comma-separated; default: this port's callback on localhost and 127.0.0.1. */
  SANDBOX_REDIRECT_URIS: v.optional(
    v.pipe(
      v.string(),
      v.transform((list) => list.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')),
      v.array(v.pipe(v.string(), v.url())),
      v.minLength(1),
    ),
  ),
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

export interface LocalRunOptions {
  /** Serve the existing dist/ without building (mode "serve" only). */
  prebuilt?: boolean;
}

const PREBUILT_ROOT_PREFIX = 'firmafon-dashboard-prebuilt-';
const OWNER_FILE = 'owner.pid';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes temporary roots left behind by runs that were killed before they could clean up. */
function removeStalePrebuiltRoots(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREBUILT_ROOT_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const owner = Number.parseInt(existsSync(join(dir, OWNER_FILE)) ? readFileSync(join(dir, OWNER_FILE), 'utf8') : '', 10);
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A throw-away project root, so this run's `.netlify/` is its own: copies of netlify.toml (redirects, headers,
 * [functions]) and package.json, and a link to node_modules for the bundled functions' external packages. The
 * function sources are not linked: netlify-cli would bundle them under mismatched (resolved vs. linked) paths.
 */
function createPrebuiltRoot(staticServerPort: number): { dir: string; remove: () => void } {
  removeStalePrebuiltRoots();
  const dir = mkdtempSync(join(tmpdir(), PREBUILT_ROOT_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  // The static server gets a free port of its own rather than netlify-cli's default 3999, which another run on the
  // machine may be taking at the same moment.
  const toml = readFileSync('netlify.toml', 'utf8').replace(/^\[dev\]$/m, `[dev]\n  staticServerPort = ${staticServerPort}`);
  writeFileSync(join(dir, 'netlify.toml'), toml);
  copyFileSync('package.json', join(dir, 'package.json'));
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  // rmSync removes the link itself, never what it points to.
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }) };
}

/**
 * Stops with a clear message before anything starts when one of the run's fixed ports is taken (often an earlier
 * run still going) or two of them are the same, instead of a half-started run and a stack trace.
 */
async function ensurePortsFree(ports: Array<{ name: string; what: string; port: number }>, command: string): Promise<void> {
  for (const [index, { name, what, port }] of ports.entries()) {
    const same = ports.slice(0, index).find((other) => other.port === port);
    if (same) {
      console.error(`${name} and ${same.name} are both ${port}: ${what} and ${same.what} need ports of their own.`);
      process.exit(1);
    }
    if (await portTaken(port)) {
      console.error(`Port ${port} (${name}, ${what}) is already in use — perhaps by an earlier run that is still going.`);
      console.error(`Stop what uses it, or choose another port: ${name}=${port + 1} ${command}`);
      process.exit(1);
    }
  }
}

export async function runLocal(mode: LocalRunMode, options: LocalRunOptions = {}): Promise<void> {
  const env = readEnv();
  if (options.prebuilt && (mode !== 'serve' || !existsSync('dist/index.html'))) {
    console.error(mode !== 'serve' ? 'prebuilt applies only to serve.' : 'No build in dist/: run `npm run build` (or `npm run serve`) first.');
    process.exit(1);
  }
  await ensurePortsFree(
    [
      { name: 'PORT', what: 'the dashboard', port: env.PORT },
      ...(mode === 'dev' ? [{ name: 'VITE_PORT', what: "Vite's dev server", port: env.VITE_PORT }] : []),
      ...(env.FIRMAFON_CLIENT_ID ? [] : [{ name: 'SANDBOX_PORT', what: 'the Firmafon sandbox', port: env.SANDBOX_PORT }]),
    ],
    mode === 'dev' ? 'npm start' : 'npm run serve',
  );
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
      ...(env.SANDBOX_LATENCY_MS === undefined ? {} : { latencyMs: env.SANDBOX_LATENCY_MS }),
      clients: [
        {
          clientId: SANDBOX_CLIENT_ID,
          clientSecret,
          name: 'Firmafon Dashboard (local)',
          redirectUris: env.SANDBOX_REDIRECT_URIS ?? origins.map((origin) => `${origin}${CALLBACK_PATH}`),
        },
      ],
    });
    closeSandbox = sandbox.close;
    Object.assign(childEnv, {
      FIRMAFON_URL: sandbox.url,
      FIRMAFON_CLIENT_ID: SANDBOX_CLIENT_ID,
      FIRMAFON_CLIENT_SECRET: clientSecret,
      FIRMAFON_PKCE: process.env.FIRMAFON_PKCE ?? 'on',
      // The build's Content-Security-Policy and the config function both name the sandbox's push service.
      FIRMAFON_PUBSUB_URL: `${sandbox.url}${PUSH_MOUNT}`,
    });
    sandboxNote = `Firmafon sandbox: ${sandbox.url} (sign in as mette@firmafon.test, password "sandbox")`;
  }

  // Telemetry would try the network, which a local run must not need.
  spawnSync('netlify', ['--telemetry-disable'], { env: childEnv, stdio: 'ignore' });
  // The production-like run answers on PORT through a compressing front, as Netlify's CDN does; netlify-cli
  // listens behind it on a port of its own.
  const netlifyPort = mode === 'serve' ? await freePort() : env.PORT;
  const args =
    mode === 'dev'
      ? ['dev', '--offline', '--port', String(env.PORT), '--target-port', String(env.VITE_PORT)]
      : options.prebuilt
        ? // `--dir` switches to the static server; an empty `--command` keeps [dev]'s Vite from starting.
          ['dev', '--offline', '--dir', resolve('dist'), '--functions', resolve('functions'), '--framework', '#static', '--command', '', '--port', String(netlifyPort)]
        : ['serve', '--offline', '--port', String(netlifyPort)];
  // netlify-cli folds the publish directory's _headers into the build's own copy of netlify.toml as the build starts,
  // before Vite writes the new one; that copy would then win over the new file with an earlier build's policy (naming
  // an earlier sandbox's push service). Without one to fold in, the served policy is the one this build writes.
  if (mode === 'serve' && !options.prebuilt) rmSync(join('dist', '_headers'), { force: true });
  const front = mode === 'serve' ? await startCompressingProxy({ port: env.PORT, targetPort: netlifyPort }) : null;
  // netlify-cli gives the functions its own (inner) address as URL; on Netlify, URL is the site's public origin,
  // which is where Firmafon sends people back to.
  if (front && !process.env.FIRMAFON_REDIRECT_ORIGIN) childEnv.FIRMAFON_REDIRECT_ORIGIN = `http://localhost:${env.PORT}`;
  const prebuiltRoot = options.prebuilt ? createPrebuiltRoot(await freePort()) : null;
  const child = spawn('netlify', args, {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
    ...(prebuiltRoot ? { cwd: prebuiltRoot.dir } : {}),
  });
  child.stdout.on('data', (chunk: Buffer) => {
    // Netlify's own banner names a URL before the sandbox note; keep its log, print ours when ready.
    process.stdout.write(chunk);
  });

  let stopping = false;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    // netlify-cli writes into its project root while it shuts down: remove a temporary root only after it is gone.
    if (prebuiltRoot) await Promise.race([exited, delay(8000)]);
    await front?.close();
    await closeSandbox();
    prebuiltRoot?.remove();
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
