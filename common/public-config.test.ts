import { describe, expect, it } from 'vitest';
import { parsePublicConfig } from './public-config.ts';
import { ShapeError } from './shape.ts';

const good = {
  clientId: 'client-1',
  authorizeUrl: 'https://app.firmafon.dk/api/v2/authorize',
  pkce: true,
  stateMode: 'required',
  redirectUri: null,
  pushUrl: 'https://pubsub.firmafon.dk/faye',
};

describe('parsePublicConfig', () => {
  it('reads the config and drops fields it does not know', () => {
    expect(parsePublicConfig({ ...good, extra: 'x' })).toEqual(good);
    expect(parsePublicConfig({ ...good, stateMode: 'optional', redirectUri: 'https://dash.example/auth/relay' }).redirectUri).toBe(
      'https://dash.example/auth/relay',
    );
  });

  it.each([
    [null, 'config: Invalid type'],
    [[], 'config: Invalid type'],
    [{ ...good, clientId: '' }, 'clientId: Invalid length'],
    [{ ...good, clientId: 5 }, 'clientId: Invalid type'],
    [{ ...good, authorizeUrl: 'not a url' }, 'authorizeUrl: Invalid URL'],
    [{ ...good, pkce: 'true' }, 'pkce: Invalid type'],
    [{ ...good, stateMode: 'sometimes' }, 'stateMode: Invalid option'],
    [{ ...good, redirectUri: undefined }, 'redirectUri: Invalid type'],
    [{ ...good, redirectUri: '/relative' }, 'redirectUri: Invalid URL'],
    [{ ...good, pushUrl: undefined }, 'pushUrl: Invalid type'],
  ])('refuses %j, saying where', (value, message) => {
    expect(() => parsePublicConfig(value)).toThrow(ShapeError);
    expect(() => parsePublicConfig(value)).toThrow(message);
  });
});
