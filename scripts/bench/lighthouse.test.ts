import { describe, expect, it } from 'vitest';
import { redactUrls } from './lighthouse.ts';

describe('redactUrls', () => {
  it('hides codes and states in running text and keeps the rest', () => {
    expect(redactUrls('redirected to http://x/auth/callback?code=Ab-9_z&state=s.1~2 (try it)')).toBe('redirected to http://x/auth/callback?code=…&state=… (try it)');
    expect(redactUrls('see (http://x/?state=zz) and http://x/?q=1#code')).toBe('see (http://x/?state=…) and http://x/?q=1#code');
  });

  it('keeps a JSON report valid: a value ends at its closing quote', () => {
    const report = JSON.stringify({ finalUrl: 'http://x/auth/callback?code=abc&state=def', items: [{ url: 'http://x/?state=q#frag' }] });
    const redacted = redactUrls(report);
    expect(JSON.parse(redacted)).toEqual({ finalUrl: 'http://x/auth/callback?code=…&state=…', items: [{ url: 'http://x/?state=…#frag' }] });
    expect(redacted).not.toMatch(/abc|def|=q#/);
  });
});
