import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, DEFAULT_FIRMAFON_PUBSUB_URL, parsePushUrl, pushConnectSources, pushUrlFromEnv } from './push-service.ts';

describe('parsePushUrl', () => {
  it.each([
    ['https://pubsub.firmafon.dk/faye', 'https://pubsub.firmafon.dk/faye'],
    ['  https://PubSub.Firmafon.dk:443/faye ', 'https://pubsub.firmafon.dk/faye'],
    ['https://push.example.com', 'https://push.example.com/'],
    ['http://127.0.0.1:8898/faye', 'http://127.0.0.1:8898/faye'],
    ['http://localhost:8899/faye', 'http://localhost:8899/faye'],
  ])('reads %j as %j', (value, url) => {
    expect(parsePushUrl(value)).toBe(url);
  });

  it.each([
    'pubsub.firmafon.dk/faye',
    'http://pubsub.firmafon.dk/faye',
    'wss://pubsub.firmafon.dk/faye',
    'https://user:pw@pubsub.firmafon.dk/faye',
    'https://pubsub.firmafon.dk/faye?x=1',
    'https://pubsub.firmafon.dk/faye#top',
    'javascript:alert(1)',
    '',
  ])('refuses %j', (value) => {
    expect(parsePushUrl(value)).toBeNull();
  });
});

describe('the policy for a push URL', () => {
  it('allows its origin and the WebSocket form of the same host, nothing wider', () => {
    expect(pushConnectSources('https://pubsub.firmafon.dk/faye')).toEqual(['https://pubsub.firmafon.dk', 'wss://pubsub.firmafon.dk']);
    expect(pushConnectSources('http://localhost:8899/faye')).toEqual(['http://localhost:8899', 'ws://localhost:8899']);
  });

  it('keeps every other directive strict', () => {
    const directives = contentSecurityPolicy(DEFAULT_FIRMAFON_PUBSUB_URL).split('; ');
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain("script-src 'self'");
    expect(directives.filter((d) => d.startsWith('connect-src'))).toEqual(["connect-src 'self' https://pubsub.firmafon.dk wss://pubsub.firmafon.dk"]);
    expect(directives.join(';')).not.toMatch(/\*|unsafe/);
  });
});

describe('pushUrlFromEnv', () => {
  it("uses Firmafon's own push service when FIRMAFON_PUBSUB_URL is unset or blank", () => {
    expect(pushUrlFromEnv({})).toBe(DEFAULT_FIRMAFON_PUBSUB_URL);
    expect(pushUrlFromEnv({ FIRMAFON_PUBSUB_URL: '  ' })).toBe(DEFAULT_FIRMAFON_PUBSUB_URL);
  });

  it('stops with a message naming the variable, never echoing a bad value', () => {
    expect(() => pushUrlFromEnv({ FIRMAFON_PUBSUB_URL: 'http://evil.example/faye' })).toThrow(/^FIRMAFON_PUBSUB_URL must be an https URL/);
    expect(() => pushUrlFromEnv({ FIRMAFON_PUBSUB_URL: 'http://evil.example/faye' })).not.toThrow(/evil/);
  });
});
