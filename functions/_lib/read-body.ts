/**
 * Reads a body stream with a hard byte cap, counting bytes as they arrive: a `Content-Length` can lie or be
 * absent (chunked), so it is only used to refuse early, never trusted to allow.
 */
import { ok, refuse, type Result } from './http.ts';

export type ReadBodyResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too_large' | 'not_utf8' | 'read_failed' };

/** Reads `body` as UTF-8 text of at most `maxBytes` bytes; stops reading (and cancels) as soon as it is over. */
export async function readCappedText(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<ReadBodyResult> {
  if (body === null) return { ok: true, text: '' };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch (error) {
    // A timeout abort must stay recognisable to the caller; anything else is a broken stream.
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) throw error;
    return { ok: false, reason: 'read_failed' };
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not_utf8' };
  }
}

/** A declared `Content-Length` above the cap (RFC 9110 §8.6); a missing or malformed one is left to the reader. */
export function declaresTooLarge(headers: Headers, maxBytes: number): boolean {
  const declared = headers.get('content-length');
  return declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes;
}

/**
 * Reads a request body as JSON under a byte cap: 413 `payload_too_large` when over it (declared or streamed),
 * 400 `invalid_request` when it is not UTF-8 JSON.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<Result<unknown>> {
  const tooLarge = refuse({ status: 413, error: 'payload_too_large', description: `The request body must be at most ${maxBytes} bytes.` });
  if (declaresTooLarge(req.headers, maxBytes)) return tooLarge;
  const read = await readCappedText(req.body, maxBytes);
  if (!read.ok) {
    return read.reason === 'too_large'
      ? tooLarge
      : refuse({ status: 400, error: 'invalid_request', description: 'The request body could not be read as UTF-8 text.' });
  }
  try {
    return ok(JSON.parse(read.text) as unknown);
  } catch {
    return refuse({ status: 400, error: 'invalid_request', description: 'The request body is not valid JSON.' });
  }
}
