/**
 * Runs the token and proxy functions' own code in this process behind a bare node:http server, to separate
 * what the functions cost from what netlify-cli's local function emulation costs. Requests reach the handlers
 * as the Netlify runtime hands them over: a web `Request` whose URL is the site's public origin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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

/**
 * Loads functions/token.ts and functions/firmafon-proxy.ts with the same settings `scripts/local-run.ts` gives
 * netlify serve (this process's environment is changed for them) and serves them on a free loopback port.
 */
export async function hostFunctions(run: AppRun): Promise<FunctionHost> {
  Object.assign(process.env, {
    FIRMAFON_URL: run.sandboxUrl,
    FIRMAFON_CLIENT_ID: run.clientId,
    FIRMAFON_CLIENT_SECRET: run.clientSecret,
    FIRMAFON_PKCE: 'on',
    ALLOWED_ORIGINS: [run.appUrl, run.appUrl.replace('localhost', '127.0.0.1')].join(','),
  });
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
    toRequest(req, run.appUrl)
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
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
