import { describe, expect, it } from 'vitest';
import type { Result } from 'lighthouse';
import { diagnosticsOf, redactUrls } from './lighthouse.ts';

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

describe('diagnosticsOf', () => {
  const audit = (id: string, score: number, extra: Record<string, unknown> = {}) => ({ id, title: `Title of ${id}`, score, scoreDisplayMode: 'numeric', ...extra });
  const lhr = (audits: Array<ReturnType<typeof audit>>) =>
    ({
      categories: { performance: { auditRefs: audits.map((a) => ({ id: a.id })) } },
      audits: Object.fromEntries(audits.map((a) => [a.id, a])),
    }) as unknown as Result;

  it('names the weakest performance audits first, with their values, and leaves out what scores well', () => {
    const report = lhr([audit('tbt', 0.4, { displayValue: '600 ms' }), audit('fcp', 0.1, { displayValue: '3.0 s' }), audit('cls', 1)]);
    expect(diagnosticsOf(report)).toEqual(['Title of fcp (3.0 s)', 'Title of tbt (600 ms)']);
  });

  it("leaves out an audit whose every finding is the browser's own setting (not actionable)", () => {
    const bfCache = audit('bf-cache', 0, { details: { items: [{ failureType: 'Not actionable' }, { failureType: 'Not actionable' }] } });
    const blocked = audit('bf-cache-2', 0, { details: { items: [{ failureType: 'Not actionable' }, { failureType: 'Actionable' }] } });
    expect(diagnosticsOf(lhr([bfCache, blocked]))).toEqual(['Title of bf-cache-2']);
  });
});
