import { describe, expect, it } from 'vitest';
import { copenhagenLocalToUtc, formatCopenhagen, parseIsoToSeconds } from './copenhagen-time.ts';
import { html, escapeHtml } from './html.ts';
import { appendQuery } from './http.ts';
import { createPrng } from './prng.ts';

describe('Copenhagen time', () => {
  it('formats with +01:00 in winter and +02:00 in summer, switching at 01:00 UTC on the last Sundays', () => {
    expect(formatCopenhagen(Date.parse('2026-11-29T13:03:12.789Z'))).toBe('2026-11-29T14:03:12+01:00');
    expect(formatCopenhagen(Date.parse('2026-07-01T12:00:00Z'))).toBe('2026-07-01T14:00:00+02:00');
    expect(formatCopenhagen(Date.parse('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(formatCopenhagen(Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(formatCopenhagen(Date.parse('2026-10-25T00:59:59Z'))).toBe('2026-10-25T02:59:59+02:00');
    expect(formatCopenhagen(Date.parse('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00+01:00');
  });

  it('turns Copenhagen wall-clock time into the right instant', () => {
    expect(copenhagenLocalToUtc(2026, 11, 27, 14, 30)).toBe(Date.parse('2026-11-27T13:30:00Z'));
    expect(copenhagenLocalToUtc(2026, 7, 1, 14, 0)).toBe(Date.parse('2026-07-01T12:00:00Z'));
  });

  it('parses ISO 8601 filters with Z, offsets, fractions and no offset, and refuses junk', () => {
    const t = Date.parse('2026-11-27T13:30:00Z') / 1000;
    expect(parseIsoToSeconds('2026-11-27T13:30:00Z')).toBe(t);
    expect(parseIsoToSeconds('2026-11-27T14:30:00+01:00')).toBe(t);
    expect(parseIsoToSeconds('2026-11-27T22:30:00+0900')).toBe(t);
    expect(parseIsoToSeconds('2026-11-27T13:30:00.999Z')).toBe(t);
    expect(parseIsoToSeconds('2026-11-27T14:30:00')).toBe(t);
    for (const junk of ['', 'now', '2026-02-30T00:00:00Z', '2026-11-27T14:30:00 01:00', '2026-11-27T25:00:00Z']) {
      expect(parseIsoToSeconds(junk)).toBeNull();
    }
  });
});

describe('html', () => {
  it('escapes interpolated values but keeps nested templates', () => {
    const name = '"><script>alert(1)</script>';
    expect(html`<p title="${name}">${html`<b>${name}</b>`}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"><b>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</b></p>',
    );
    expect(escapeHtml("a'b&c")).toBe('a&#39;b&amp;c');
  });
});

describe('appendQuery', () => {
  it('keeps a registered query exactly and percent-encodes the new parameters', () => {
    expect(appendQuery('https://x.test/cb?a=%7E~', [['state', 'a b&c']])).toBe('https://x.test/cb?a=%7E~&state=a%20b%26c');
    expect(appendQuery('https://x.test/cb', [['code', 'k']])).toBe('https://x.test/cb?code=k');
  });
});

describe('createPrng', () => {
  it('repeats its sequence for a seed and makes version 4 uuids', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    expect([a.next(), a.next(), a.uuid()]).toEqual([b.next(), b.next(), b.uuid()]);
    expect(createPrng(1).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
