/**
 * Runs the token and proxy functions' own code behind a bare node:http server in a process of its own, to
 * separate what the functions cost from what netlify-cli's local function emulation costs (a new worker per
 * call). Requests reach the handlers as the Netlify runtime hands them over: a web `Request` whose URL is the
 * site's public origin.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { AppRun } from './app-run.ts';

type Handler = (req: Request, context: unknown) => Promise<Response>;

interface FunctionModule {
  default: Handler;
  config: { path: string | string[] };
}

export interface FunctionHost {
  url: string;
  close(): Promise<void>;
}

function matches(pattern: string, path: string): boolean {
  return pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

async function toRequest(req: IncomingMessage, publicOrigin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(`${publicOrigin}${req.url ?? '/'}`, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs this for a streamed body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, { ...headers, 'Content-Length': String(body.length) });
  res.end(body);
}

/** Loads functions/token.ts and functions/firmafon-proxy.ts (configured by this process's environment) and serves them. */
export async function serveFunctions(publicOrigin: string): Promise<{ port: number; close: () => Promise<void> }> {
  const modules = (await Promise.all([import('../../functions/token.ts'), import('../../functions/firmafon-proxy.ts')])) as unknown as FunctionModule[];
  const routes = modules.flatMap((module) => {
    const paths = Array.isArray(module.config.path) ? module.config.path : [module.config.path];
    return paths.map((path) => ({ path, handler: module.default }));
  });

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.find((r) => matches(r.path, path));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    toRequest(req, publicOrigin)
      .then((request) => route.handler(request, {}))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('function host is not on a TCP port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Starts function-host-server.ts as a child process with the settings `scripts/local-run.ts` gives netlify serve,
 * so that the functions do not share a thread with the load generator.
 */
export async function hostFunctions(run: AppRun): Promise<FunctionHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/function-host-server.ts'], {
    env: {
      ...process.env,
      FIRMAFON_URL: run.sandboxUrl,
      FIRMAFON_CLIENT_ID: run.clientId,
      FIRMAFON_CLIENT_SECRET: run.clientSecret,
      FIRMAFON_PKCE: 'on',
      ALLOWED_ORIGINS: [run.appUrl, run.appUrl.replace('localhost', '127.0.0.1')].join(','),
      PUBLIC_ORIGIN: run.appUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the function host did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the function host exited (${code}): ${stderr.trim()}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
