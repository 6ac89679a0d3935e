import { describe, expect, it } from 'vitest';
import { ShapeError } from './shape.ts';
import { MAX_ACCESS_TOKEN_LENGTH, parseTokenResponse } from './token-response.ts';

describe('parseTokenResponse', () => {
  it('reads the token, and the lifetime when there is one, dropping anything else', () => {
    expect(parseTokenResponse({ access_token: 'abc', token_type: 'bearer' })).toEqual({ access_token: 'abc' });
    expect(parseTokenResponse({ access_token: 'abc', expires_in: 7200 })).toEqual({ access_token: 'abc', expires_in: 7200 });
  });

  it.each([
    [null, 'token response: Invalid type'],
    [{}, 'access_token: Invalid type'],
    [{ access_token: '' }, 'access_token: Invalid length'],
    [{ access_token: 'x'.repeat(MAX_ACCESS_TOKEN_LENGTH + 1) }, 'access_token: Invalid length'],
    [{ access_token: 'abc', expires_in: '7200' }, 'expires_in: Invalid type'],
  ])('refuses %j', (value, message) => {
    expect(() => parseTokenResponse(value)).toThrow(ShapeError);
    expect(() => parseTokenResponse(value)).toThrow(message);
  });
});
