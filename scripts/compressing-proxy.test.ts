import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, startCompressingProxy } from './compressing-proxy.ts';
import { freePort } from './free-port.ts';

describe('chooseEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0', 'gzip'],
    ['identity', null],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['BR', 'br'],
  ] as const)('%j → %s', (accept, expected) => {
    expect(chooseEncoding(accept)).toBe(expected);
  });
});

interface Seen {
  host?: string;
  connection?: string;
  body: string;
}

const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i}`))};\n`;

describe('the compressing front', () => {
  let upstream: Server;
  let front: { close: () => Promise<void> };
  let port: number;
  const seen: Seen[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ host: req.headers.host, connection: req.headers['x-hop'] as string | undefined, body });
        const url = req.url ?? '/';
        if (url === '/app.js') {
          res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', etag: '"abc"', 'x-extra': 'kept', 'content-length': Buffer.byteLength(script) });
          res.end(req.method === 'HEAD' ? undefined : script);
        } else if (url === '/small.json') res.writeHead(200, { 'content-type': 'application/json', 'content-length': 11 }).end('{"ok":true}');
        else if (url === '/image.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(4096, 7));
        else if (url === '/encoded.js') res.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip' }).end(Buffer.alloc(2048, 1));
        else if (url === '/not-modified') res.writeHead(304, { etag: '"abc"' }).end();
        else if (url === '/redirect') res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere', 'set-cookie': ['a=1', 'b=2'] }).end();
        else if (url === '/echo') res.writeHead(201, { 'content-type': 'text/plain', connection: 'x-hop', 'x-hop': 'dropped' }).end(body.repeat(200));
        else res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    const address = upstream.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    port = await freePort();
    front = await startCompressingProxy({ port, targetPort: address.port });
  });

  afterAll(async () => {
    await front.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('serves JavaScript with Brotli when the browser accepts it, and the same bytes after decoding', async () => {
    const res = await get('/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers.etag).toBe('W/"abc"');
    expect(res.headers['x-extra']).toBe('kept');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 2);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('uses gzip when Brotli is not accepted, and nothing when no encoding is', async () => {
    const gzip = await get('/app.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const plain = await get('/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.etag).toBe('"abc"');
    expect(plain.body.toString()).toBe(script);
  });

  it('passes through small bodies, binary types, encoded bodies, HEAD and 304 untouched', async () => {
    const accept = { 'accept-encoding': 'br, gzip' };
    const small = await get('/small.json', accept);
    expect([small.headers['content-encoding'], small.body.toString()]).toEqual([undefined, '{"ok":true}']);
    const image = await get('/image.png', accept);
    expect([image.headers['content-encoding'], image.body.length]).toEqual([undefined, 4096]);
    const encoded = await get('/encoded.js', accept);
    expect([encoded.headers['content-encoding'], encoded.body.length]).toEqual(['gzip', 2048]);
    const head = await get('/app.js', accept, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, undefined, 0]);
    const notModified = await get('/not-modified', accept);
    expect([notModified.status, notModified.headers['content-encoding']]).toEqual([304, undefined]);
  });

  it('keeps redirects, cookies, request bodies and the Host the site was asked for; drops hop-by-hop headers', async () => {
    const redirect = await get('/redirect');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe('http://127.0.0.1:1/elsewhere');
    expect(redirect.headers['set-cookie']).toEqual(['a=1', 'b=2']);

    const echo = await get('/echo', { 'accept-encoding': 'gzip', connection: 'x-hop', 'x-hop': 'client' }, 'POST', 'hello;');
    expect(echo.status).toBe(201);
    expect(gunzipSync(echo.body).toString()).toBe('hello;'.repeat(200));
    expect(echo.headers['x-hop']).toBeUndefined();
    const last = seen.at(-1);
    expect(last).toEqual({ host: `localhost:${port}`, connection: undefined, body: 'hello;' });
  });

  it('answers 502 when netlify-cli is not (yet) listening', async () => {
    const deadPort = await freePort();
    const lonely = await startCompressingProxy({ port: await freePort(), targetPort: deadPort });
    const address = lonely.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const res = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: address.port, path: '/' }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    await lonely.close();
    expect(res).toBe(502);
  });
});
