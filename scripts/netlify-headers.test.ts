/**
 * The security headers Netlify (and `netlify dev`/`serve` locally) sends with every page: netlify.toml's, and the
 * Content-Security-Policy the build writes into dist/_headers (scripts/vite-content-security-policy.ts). Checked here
 * as text, and in the browser by e2e/security.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, DEFAULT_FIRMAFON_PUBSUB_URL } from '../common/push-service.ts';
import { headersFile } from './vite-content-security-policy.ts';

const toml = readFileSync(new URL('../netlify.toml', import.meta.url), 'utf8');
const headerValue = (name: string) => new RegExp(`^\\s*${name} = "([^"]*)"`, 'm').exec(toml)?.[1];
const cspDirectives = (pushUrl = DEFAULT_FIRMAFON_PUBSUB_URL) => contentSecurityPolicy(pushUrl).split(';').map((directive) => directive.trim());

describe('the headers file the build writes', () => {
  it('gives every path the Content-Security-Policy for the push URL', () => {
    expect(headersFile('https://pubsub.firmafon.dk/faye').split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      '/*',
      `  Content-Security-Policy: ${contentSecurityPolicy('https://pubsub.firmafon.dk/faye')}`,
      '',
    ]);
  });

  it('is the only place the policy comes from: netlify.toml would win over it', () => {
    expect(headerValue('Content-Security-Policy')).toBeUndefined();
    expect(toml).not.toMatch(/Content-Security-Policy\s*=/);
  });
});

describe("the page's Content-Security-Policy", () => {
  it("lets the page connect to its own origin and to exactly Firmafon's push service (https and its WebSocket)", () => {
    expect(cspDirectives().filter((directive) => directive.startsWith('connect-src'))).toEqual([
      "connect-src 'self' https://pubsub.firmafon.dk wss://pubsub.firmafon.dk",
    ]);
    expect(cspDirectives('http://127.0.0.1:8898/faye').filter((directive) => directive.startsWith('connect-src'))).toEqual([
      "connect-src 'self' http://127.0.0.1:8898 ws://127.0.0.1:8898",
    ]);
  });

  it("lets forms post only to this origin (form-action 'self')", () => {
    expect(cspDirectives().filter((directive) => directive.startsWith('form-action'))).toEqual(["form-action 'self'"]);
  });

  it("plays media only from this origin and from Blob URLs (media-src 'self' blob:), for voicemails", () => {
    expect(cspDirectives().filter((directive) => directive.startsWith('media-src'))).toEqual(["media-src 'self' blob:"]);
  });

  it('keeps the strict Content-Security-Policy', () => {
    expect(cspDirectives()).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]),
    );
  });

});

describe("netlify.toml's headers for every page", () => {
  it.each([
    ['Referrer-Policy', 'no-referrer'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Strict-Transport-Security', 'max-age=31536000'],
  ])('sends %s: %s', (name, value) => {
    expect(headerValue(name)).toBe(value);
  });

  it('sends a Permissions-Policy that turns off camera, microphone and geolocation', () => {
    expect(headerValue('Permissions-Policy')).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });
});
