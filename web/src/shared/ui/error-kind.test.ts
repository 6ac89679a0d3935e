import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error.ts';
import { errorKindOf } from './error-kind.ts';

const apiError = (status: number, code: string) => new ApiError({ status, code, message: 'x' });

describe('errorKindOf', () => {
  it.each([
    [apiError(0, 'network_error'), 'offline'],
    [apiError(429, 'rate_limited'), 'rateLimited'],
    [apiError(502, 'upstream_unavailable'), 'unavailable'],
    [apiError(504, 'upstream_timeout'), 'unavailable'],
    [apiError(500, 'http_500'), 'unavailable'],
    [apiError(502, 'upstream_invalid_response'), 'invalidResponse'],
    [apiError(200, 'upstream_invalid_response'), 'invalidResponse'],
    [apiError(401, 'invalid_token'), 'signedOut'],
    [apiError(403, 'forbidden'), 'forbidden'],
    [apiError(404, 'http_404'), 'notFound'],
    [apiError(400, 'invalid_request'), 'other'],
    [new Error('boom'), 'other'],
  ] as const)('maps %o to %s', (error, kind) => {
    expect(errorKindOf(error)).toBe(kind);
  });
});
