import { describe, expect, it } from 'vitest';
import { declaresTooLarge, readCappedText, readJsonBody } from './read-body.ts';

function chunks(...parts: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(typeof part === 'string' ? new TextEncoder().encode(part) : part);
      controller.close();
    },
  });
}

describe('readCappedText', () => {
  it('reads a body made of many chunks', async () => {
    expect(await readCappedText(chunks('{"a"', ':', '1}'), 10)).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('reads a missing body as empty text', async () => {
    expect(await readCappedText(null, 10)).toEqual({ ok: true, text: '' });
  });

  it('accepts exactly the cap and refuses one byte more', async () => {
    expect(await readCappedText(chunks('12345', '67890'), 10)).toEqual({ ok: true, text: '1234567890' });
    expect(await readCappedText(chunks('12345', '678901'), 10)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('stops pulling from an endless stream once it is over the cap', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    expect(await readCappedText(endless, 4096)).toEqual({ ok: false, reason: 'too_large' });
    expect(pulls).toBeLessThan(10);
  });

  it('keeps a multi-byte character split across chunks intact', async () => {
    const bytes = new TextEncoder().encode('æøå');
    expect(await readCappedText(chunks(bytes.slice(0, 1), bytes.slice(1)), 10)).toEqual({ ok: true, text: 'æøå' });
  });

  it('refuses bytes that are not UTF-8', async () => {
    expect(await readCappedText(chunks(new Uint8Array([0xc3, 0x28])), 10)).toEqual({ ok: false, reason: 'not_utf8' });
  });

  it('reports a stream that breaks', async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError('socket hang up'));
      },
    });
    expect(await readCappedText(broken, 10)).toEqual({ ok: false, reason: 'read_failed' });
  });
});

describe('declaresTooLarge', () => {
  it.each([
    [null, false],
    ['4096', false],
    ['4097', true],
    ['99999999999999999999', true],
    ['abc', false],
  ])('Content-Length %s → %s', (value, expected) => {
    const headers = new Headers(value === null ? {} : { 'Content-Length': value });
    expect(declaresTooLarge(headers, 4096)).toBe(expected);
  });
});

describe('readJsonBody', () => {
  const request = (body: string) => new Request('https://dash.example/', { method: 'POST', body });

  it('parses JSON under the cap', async () => {
    expect(await readJsonBody(request('{"a":[1]}'), 100)).toEqual({ ok: true, value: { a: [1] } });
  });

  it('answers 413 over the cap and 400 for anything that is not JSON', async () => {
    expect(await readJsonBody(request('x'.repeat(101)), 100)).toMatchObject({ ok: false, failure: { status: 413, error: 'payload_too_large' } });
    expect(await readJsonBody(request('{'), 100)).toMatchObject({ ok: false, failure: { status: 400, error: 'invalid_request' } });
  });
});
