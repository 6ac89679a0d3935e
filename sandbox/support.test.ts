import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../common/html.ts';
import { html } from './html.ts';
import { appendQuery } from './http.ts';
import { createPrng } from './prng.ts';

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
