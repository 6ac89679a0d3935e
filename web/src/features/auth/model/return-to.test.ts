import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  it('keeps a same-origin path with its query string', () => {
    expect(safeReturnTo('/calls?direction=incoming&status=missed')).toBe('/calls?direction=incoming&status=missed');
    expect(safeReturnTo('/calls/0b6c0b1e-1111-4a4a-9999-000000000000')).toBe('/calls/0b6c0b1e-1111-4a4a-9999-000000000000');
  });

  it('refuses anything that could leave the site', () => {
    for (const evil of ['https://evil.test/', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', 'calls', '/\tcalls', '']) {
      expect(safeReturnTo(evil)).toBe('/calls');
    }
  });

  it('never returns to the callback or the start page', () => {
    expect(safeReturnTo('/auth/callback?code=x')).toBe('/calls');
    expect(safeReturnTo('/')).toBe('/calls');
    expect(safeReturnTo(null)).toBe('/calls');
  });
});
