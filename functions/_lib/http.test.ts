import { describe, expect, it, vi } from 'vitest';
import { failureResponse, jsonResponse, methodNotAllowed, respond } from './http.ts';

describe('jsonResponse', () => {
  it('adds no-store, nosniff and a JSON content type, and lets no caller override them', async () => {
    const res = jsonResponse({ a: 1 }, { status: 201, headers: { 'Cache-Control': 'public', 'Retry-After': '5' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ a: 1 });
  });
});

describe('failureResponse', () => {
  it('answers the RFC 6749 error shape with the failure headers', async () => {
    const res = failureResponse(methodNotAllowed(['GET', 'HEAD']));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.json()).toEqual({ error: 'method_not_allowed', error_description: 'This endpoint only accepts GET and HEAD.' });
  });
});

describe('respond', () => {
  it('logs one line with the scope, status and code for a failure', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const res = await respond('test', async () => ({ status: 400, error: 'invalid_request', description: 'secret-looking input' }))(new Request('https://x.example/'));
    expect(res.status).toBe(400);
    expect(warn.mock.calls).toEqual([['test: 400 invalid_request']]);
    warn.mockRestore();
  });

  it('turns an unexpected exception into a JSON 500 without its message', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await respond('test', async () => {
      throw new RangeError('contains the code abc123');
    })(new Request('https://x.example/'));
    expect(res.status).toBe(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'internal_error' });
    expect(text).not.toContain('abc123');
    expect(error.mock.calls).toEqual([['test: 500 internal_error (RangeError)']]);
    error.mockRestore();
  });

  it('passes a Response through untouched', async () => {
    const res = await respond('test', async () => jsonResponse({ ok: true }))(new Request('https://x.example/'));
    expect(await res.json()).toEqual({ ok: true });
  });
});
