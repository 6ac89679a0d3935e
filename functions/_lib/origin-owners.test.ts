import { describe, expect, it } from 'vitest';
import { checkPatternDomains, isWithinOneDomain } from './origin-owners.ts';

describe("the build's Public Suffix List check of RELAY_ORIGIN_PATTERN", () => {
  it.each(['com', 'co.uk', 'github.io', 'vercel.app', 'appspot.com', 'herokuapp.com', 'pages.dev', 'web.app', 's3.amazonaws.com', 'netlify.app'])(
    'finds %s shared: every name under it belongs to someone else',
    (domain) => {
      expect(isWithinOneDomain(domain)).toBe(false);
    },
  );

  it.each(['example.com', 'previews.example.com', 'previews.example.co.uk', 'dash.github.io', 'dash.example.com'])('finds %s owned by one owner', (domain) => {
    expect(isWithinOneDomain(domain)).toBe(true);
  });

  it("sorts a pattern list's wildcard domains, leaving exact origins and netlify.app's own rule aside", () => {
    expect(checkPatternDomains('https://*.previews.example.com, http://127.0.0.1:8886, https://*--site.netlify.app, https://*.github.io, https://a*.co.uk')).toEqual({
      owned: ['previews.example.com'],
      refused: ['github.io', 'co.uk'],
    });
    expect(checkPatternDomains('')).toEqual({ owned: [], refused: [] });
  });
});
