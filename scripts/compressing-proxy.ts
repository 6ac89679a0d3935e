/**
 * What Netlify's CDN does in front of every site and `netlify serve` does not: compress text responses with
 * Brotli or gzip, whichever the browser accepts. The production-like local run puts this in front of netlify-cli
 * so that the browser tests and the benchmark's Lighthouse runs see the transfer sizes a deployed site has.
 * Everything else (status, headers, redirects, the Host the functions see) passes through unchanged.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

/** Media types worth compressing: text, JavaScript, JSON, XML, SVG, web manifests. */
const COMPRESSIBLE = /^(?:text\/[\w.+-]+|application\/(?:javascript|json|manifest\+json|xml|[\w.+-]+\+json|[\w.+-]+\+xml)|image\/svg\+xml)\s*(?:;|$)/i;

/** Below this a compressed body is not worth the bytes of its framing (Netlify's CDN skips tiny bodies too). */
const MIN_BYTES = 1024;

/** The encoding to use for an `Accept-Encoding` value (RFC 9110 §12.5.3, q-values honoured); Brotli first. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    quality.set(token.trim().toLowerCase(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (encoding: ContentEncoding) => (quality.get(encoding) ?? (quality.has('*') ? quality.get('*')! : 0)) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/** Whether a response may be compressed on its way out: a body of a text type, not already encoded. */
export function isCompressible(method: string | undefined, status: number, headers: IncomingMessage['headers']): boolean {
  if (method === 'HEAD' || status < 200 || status === 204 || status === 206 || status === 304) return false;
  if (headers['content-encoding'] && headers['content-encoding'] !== 'identity') return false;
  if (/\bno-transform\b/i.test(String(headers['cache-control'] ?? ''))) return false;
  const length = headers['content-length'];
  if (length !== undefined && Number(length) < MIN_BYTES) return false;
  return COMPRESSIBLE.test(String(headers['content-type'] ?? ''));
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

function endToEnd<T extends Record<string, unknown>>(headers: T): T {
  const copy = { ...headers };
  const named = String(headers.connection ?? '').split(',').map((h) => h.trim().toLowerCase());
  for (const name of [...HOP_BY_HOP, ...named]) delete copy[name];
  return copy;
}

function appendVary(value: string | string[] | number | undefined): string {
  const existing = value === undefined ? [] : String(value).split(',').map((v) => v.trim()).filter(Boolean);
  return existing.some((v) => v === '*' || v.toLowerCase() === 'accept-encoding') ? existing.join(', ') : [...existing, 'Accept-Encoding'].join(', ');
}

function forward(req: IncomingMessage, res: ServerResponse, target: { host: string; port: number }): void {
  const upstream = request(
    { host: target.host, port: target.port, method: req.method, path: req.url, headers: endToEnd(req.headers) },
    (upstreamRes) => {
      const status = upstreamRes.statusCode ?? 502;
      const headers = endToEnd(upstreamRes.headers);
      const encoding = isCompressible(req.method, status, headers) ? chooseEncoding(req.headers['accept-encoding']) : null;
      if (!encoding) {
        res.writeHead(status, upstreamRes.statusMessage, headers);
        pipeline(upstreamRes, res, () => {});
        return;
      }
      delete headers['content-length'];
      headers['content-encoding'] = encoding;
      headers.vary = appendVary(headers.vary);
      // A strong validator names the exact bytes; the compressed body is different bytes (RFC 9110 §8.8.1).
      if (typeof headers.etag === 'string' && !headers.etag.startsWith('W/')) headers.etag = `W/${headers.etag}`;
      res.writeHead(status, upstreamRes.statusMessage, headers);
      const compressor =
        encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip({ level: 6 });
      pipeline(upstreamRes, compressor, res, () => {});
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end('The local Netlify server is not answering.');
    else res.destroy();
  });
  req.on('aborted', () => upstream.destroy());
  pipeline(req, upstream, () => {});
}

/** Listens on `port` (all loopback names, as netlify-cli does) and forwards to `targetPort` on 127.0.0.1. */
export async function startCompressingProxy({ port, targetPort }: { port: number; targetPort: number }): Promise<{ server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => forward(req, res, { host: '127.0.0.1', port: targetPort }));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
