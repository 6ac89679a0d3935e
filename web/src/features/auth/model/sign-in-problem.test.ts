import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error.ts';
import { callbackMessages } from '../callback-messages.ts';
import { describeProblem, problemFromProviderError, problemFromTokenError, type SignInProblem } from './sign-in-problem.ts';

const apiError = (status: number, code: string) => new ApiError({ status, code, message: 'x' });

describe('problemFromTokenError', () => {
  it.each([
    [apiError(400, 'invalid_grant'), 'invalid_grant'],
    [apiError(503, 'server_misconfigured'), 'misconfigured'],
    [apiError(401, 'invalid_client'), 'misconfigured'],
    [apiError(502, 'upstream_unavailable'), 'upstream_unavailable'],
    [apiError(504, 'upstream_timeout'), 'upstream_unavailable'],
    [apiError(429, 'rate_limited'), 'rate_limited'],
    [apiError(0, 'network_error'), 'offline'],
    [apiError(500, 'http_500'), 'upstream_unavailable'],
    [apiError(400, 'something_new'), 'unknown'],
    [new Error('boom'), 'unknown'],
  ] as const)('maps %o to %s', (error, problem) => {
    expect(problemFromTokenError(error)).toBe(problem);
  });
});

describe('problemFromProviderError', () => {
  it('singles out access_denied', () => {
    expect(problemFromProviderError('access_denied')).toBe('access_denied');
    expect(problemFromProviderError('server_error')).toBe('provider_error');
  });
});

describe('describeProblem', () => {
  it('has words for every problem in both languages and never echoes a code', () => {
    const problems: SignInProblem[] = ['access_denied', 'provider_error', 'not_started_here', 'missing_code', 'invalid_grant', 'misconfigured', 'upstream_unavailable', 'rate_limited', 'offline', 'unknown'];
    for (const locale of ['en', 'da'] as const) {
      for (const problem of problems) {
        const text = describeProblem(problem, callbackMessages[locale]);
        expect(text.length).toBeGreaterThan(10);
        if (problem.includes('_')) expect(text).not.toContain(problem);
      }
    }
  });
});
