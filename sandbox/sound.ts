/**
 * The voice mail recording: one real MP3 (`assets/voicemail.mp3`) that every message plays, served with HTTP range
 * requests (RFC 9110 §14) so that a browser's audio element can seek. Who may fetch it is api.ts's business.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const SOUND_FILE = new URL('./assets/voicemail.mp3', import.meta.url);
export const SOUND_TYPE = 'audio/mpeg';

let cached: { bytes: Buffer; etag: string } | undefined;

/** The recording and its strong validator, read once. */
export function recording(): { bytes: Buffer; etag: string } {
  if (!cached) {
    const bytes = readFileSync(SOUND_FILE);
    cached = { bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` };
  }
  return cached;
}

export type RangeAnswer = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Reads a `Range` header against a representation of `size` bytes (RFC 9110 §14.1.2): one `bytes=a-b`, `a-` or
 * `-n` range. Anything the server may ignore — no header, another unit, a malformed or multi-part range — is
 * `full`; a range that starts past the end (or an empty suffix) is `unsatisfiable`.
 */
export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'full' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'full' }; // invalid range-spec: ignored (§14.1.1)
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'partial', start, end };
}

/** Answers GET or HEAD for the recording: 200, 206 or 416. `headers` go on every answer (e.g. Cache-Control). */
export function sendRecording(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): number {
  const { bytes, etag } = recording();
  const size = bytes.length;
  const ifRange = req.headers['if-range'];
  // A Range with a stale If-Range validator gets the whole file (§13.1.5).
  const range = ifRange !== undefined && ifRange !== etag ? { kind: 'full' as const } : parseRange(req.headers.range, size);
  const common = { ...headers, 'Accept-Ranges': 'bytes', ETag: etag, 'X-Content-Type-Options': 'nosniff' };
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return 416;
  }
  if (range.kind === 'partial') {
    const body = bytes.subarray(range.start, range.end + 1);
    res.writeHead(206, {
      ...common,
      'Content-Type': SOUND_TYPE,
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
      'Content-Length': body.length,
    });
    res.end(body);
    return 206;
  }
  res.writeHead(200, { ...common, 'Content-Type': SOUND_TYPE, 'Content-Length': size });
  res.end(bytes);
  return 200;
}
