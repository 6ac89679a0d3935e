import { describe, expect, it } from 'vitest';
import { pageFor } from './pages.ts';

describe('the page registry', () => {
  it('finds the page for a path, its parameters and a trailing slash included', () => {
    expect(pageFor('/calls')?.path).toBe('/calls');
    expect(pageFor('/calls/')?.path).toBe('/calls');
    expect(pageFor('/calls/3b6f')?.path).toBe('/calls/:uuid');
    expect(pageFor('/voicemail')?.requiresSignIn).toBe(true);
    expect(pageFor('/nowhere')).toBeUndefined();
    expect(pageFor('/auth/callback')).toBeUndefined();
  });

  it('shows only the wallboard full screen, and leaves it out of the navigation', () => {
    const wallboard = pageFor('/wallboard');
    expect(wallboard).toMatchObject({ requiresSignIn: true, fullScreen: true });
    expect(wallboard?.navLabel).toBeUndefined();
    expect(pageFor('/team')?.fullScreen).toBeUndefined();
    expect(pageFor('/calls')?.fullScreen).toBeUndefined();
  });
});
