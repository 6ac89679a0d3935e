import { describe, expect, it } from 'vitest';
import { allowedRedirectUris, isAllowedOrigin, isAllowedRedirectUri, parseOrigin } from './origins.ts';

const allowed = new Set(['https://dash.example', 'http://localhost:8888']);

describe('parseOrigin', () => {
  it.each([
    ['https://Dash.Example', 'https://dash.example'],
    ['https://dash.example:443/', 'https://dash.example'],
    ['http://localhost:80', 'http://localhost'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('normalises %s to %s', (value, expected) => {
    expect(parseOrigin(value)).toBe(expected);
  });

  it.each(['null', '', 'https://dash.example/x', 'https://dash.example/?', 'https://dash.example/#', 'http://dash.example', 'ftp://dash.example', 'https://u@dash.example'])(
    'refuses %j',
    (value) => {
      expect(parseOrigin(value)).toBeNull();
    },
  );
});

describe('isAllowedOrigin', () => {
  it('accepts an allowed origin however it is spelled', () => {
    expect(isAllowedOrigin('https://DASH.example', allowed)).toBe(true);
    expect(isAllowedOrigin('http://localhost:8888', allowed)).toBe(true);
  });

  it('refuses other origins, ports and schemes', () => {
    expect(isAllowedOrigin('https://dash.example:8443', allowed)).toBe(false);
    expect(isAllowedOrigin('http://localhost:8889', allowed)).toBe(false);
    expect(isAllowedOrigin('null', allowed)).toBe(false);
  });
});

describe('isAllowedRedirectUri', () => {
  it('lists exactly one callback per allowed origin', () => {
    expect([...allowedRedirectUris(allowed)]).toEqual(['https://dash.example/auth/callback', 'http://localhost:8888/auth/callback']);
  });

  it('accepts the exact callback of an allowed origin', () => {
    expect(isAllowedRedirectUri('https://dash.example/auth/callback', allowed)).toBe(true);
    expect(isAllowedRedirectUri('http://localhost:8888/auth/callback', allowed)).toBe(true);
  });

  it.each([
    'https://dash.example/auth/callback?x=1',
    'https://dash.example/auth/callback#',
    'https://dash.example/auth/callback/',
    'https://dash.example/auth/Callback',
    'https://dash.example/auth/callback/../callback',
    'https://dash.example/auth/%63allback',
    'https://a@dash.example/auth/callback',
    'http://dash.example/auth/callback',
    'https://dash.example.evil.example/auth/callback',
    'https://dash.example:443/auth/callback',
    ' https://dash.example/auth/callback',
  ])('refuses %j', (uri) => {
    expect(isAllowedRedirectUri(uri, allowed)).toBe(false);
  });

  it('adds the relay URL only when one is given, and matches it exactly', () => {
    const relay = 'https://dash.example/auth/relay';
    expect([...allowedRedirectUris(allowed, relay)]).toEqual(['https://dash.example/auth/callback', 'http://localhost:8888/auth/callback', relay]);
    expect(isAllowedRedirectUri(relay, allowed, relay)).toBe(true);
    expect(isAllowedRedirectUri(relay, allowed)).toBe(false);
    expect(isAllowedRedirectUri(`${relay}/`, allowed, relay)).toBe(false);
    expect(isAllowedRedirectUri(`${relay}?x=1`, allowed, relay)).toBe(false);
    expect(isAllowedRedirectUri('http://localhost:8888/auth/relay', allowed, relay)).toBe(false);
  });

  it('refuses everything when no origin is allowed', () => {
    expect(isAllowedRedirectUri('https://dash.example/auth/callback', new Set())).toBe(false);
  });
});
