import { describe, expect, it } from 'vitest';
import { ApiError, networkErrorCode } from '@/lib/api-error.ts';
import { dialProblemOf } from './dial-problem.ts';

const apiError = (status: number, code = `http_${status}`) => new ApiError({ status, code, message: 'x' });

describe('dialProblemOf', () => {
  it('reads a 422 as Firmafon refusing the call (no switch, or a number it will not call)', () => {
    expect(dialProblemOf(apiError(422))).toBe('refused');
  });

  it('tells forbidden, signed out, unavailable and offline apart', () => {
    expect(dialProblemOf(apiError(403))).toBe('forbidden');
    expect(dialProblemOf(apiError(401, 'invalid_token'))).toBe('signedOut');
    expect(dialProblemOf(apiError(502))).toBe('unavailable');
    expect(dialProblemOf(apiError(504, 'upstream_timeout'))).toBe('unavailable');
    expect(dialProblemOf(apiError(0, networkErrorCode))).toBe('offline');
  });

  it('is "other" for anything that is not an ApiError', () => {
    expect(dialProblemOf(new Error('boom'))).toBe('other');
  });
});
