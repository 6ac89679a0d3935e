/**
 * Small `node:http` helpers shared by the sandbox's handlers: reading bounded bodies, answering JSON/HTML,
 * redirects, cookies, and parameter lists that keep duplicates visible (RFC 6749 §3.1 forbids them).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SafeHtml } from './html.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super('Request body too large');
  }
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's media type, lower-cased and without parameters (`application/json`), or null. */
export function mediaType(req: IncomingMessage): string | null {
  const header = req.headers['content-type'];
  if (!header) return null;
  const type = header.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Headers for every HTML page: no framing (clickjacking on the consent page), no scripts at all. */
const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export function sendHtml(
  res: ServerResponse,
  status: number,
  page: SafeHtml,
  headers: Record<string, string | string[]> = {},
): void {
  const text = page.value;
  res.writeHead(status, { ...HTML_HEADERS, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function redirect(
  res: ServerResponse,
  status: 302 | 303,
  location: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0, ...headers });
  res.end();
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/**
 * Parameters from a query string or form body. `single` answers a value only when the name occurs once;
 * `duplicated` lists names that occur more than once.
 */
export class Params {
  constructor(readonly search: URLSearchParams) {}

  static fromString(text: string): Params {
    return new Params(new URLSearchParams(text));
  }

  has(name: string): boolean {
    return this.search.has(name);
  }

  /** The value, or undefined when absent. When repeated, the first (callers check `duplicated`). */
  get(name: string): string | undefined {
    return this.search.get(name) ?? undefined;
  }

  duplicated(names: readonly string[]): string[] {
    return names.filter((name) => this.search.getAll(name).length > 1);
  }
}

/** Appends parameters to a redirect URI, keeping its own query exactly as registered (RFC 6749 §3.1.2). */
export function appendQuery(uri: string, params: ReadonlyArray<readonly [string, string]>): string {
  if (params.length === 0) return uri;
  const encoded = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  if (!uri.includes('?')) return `${uri}?${encoded}`;
  if (uri.endsWith('?') || uri.endsWith('&')) return `${uri}${encoded}`;
  return `${uri}&${encoded}`;
}
