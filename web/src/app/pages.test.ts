import { matchPath } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { matchesPath, pageFor, PAGES, showsSignInGate } from './pages.ts';

describe('the page registry', () => {
  it('matches paths as the router does', () => {
    const paths = ['/calls', '/calls/', '/CALLS', '/calls/abc-123', '/calls/abc/def', '/calls//x', '/voicemail', '/voicemails', '/', '', '/auth/callback', '/calls/%20'];
    for (const page of PAGES) {
      for (const pathname of paths) {
        expect(matchesPath(page.path, pathname), `${page.path} ~ ${pathname}`).toBe(matchPath(page.path, pathname) !== null);
      }
    }
  });

  it('finds the page for a path and knows where the sign-in gate shows', () => {
    expect(pageFor('/calls/3b6f')?.path).toBe('/calls/:uuid');
    expect(pageFor('/nowhere')).toBeUndefined();
    expect(showsSignInGate('/')).toBe(true);
    expect(showsSignInGate('/calls')).toBe(true);
    expect(showsSignInGate('/voicemail')).toBe(true);
    expect(showsSignInGate('/auth/callback')).toBe(false);
    expect(showsSignInGate('/nowhere')).toBe(false);
  });
});
