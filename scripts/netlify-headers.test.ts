/**
 * netlify.toml's security headers, as Netlify (and `netlify dev`/`serve` locally) sends them with every page:
 * checked here as text, and in the browser by e2e/security.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const toml = readFileSync(new URL('../netlify.toml', import.meta.url), 'utf8');
const headerValue = (name: string) => new RegExp(`^\\s*${name} = "([^"]*)"`, 'm').exec(toml)?.[1];
const cspDirectives = () => (headerValue('Content-Security-Policy') ?? '').split(';').map((directive) => directive.trim());

describe("netlify.toml's headers for every page", () => {
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
        "connect-src 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]),
    );
  });

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
