import { describe, expect, it } from 'vitest';
import {
  AUTO_RESUME_GUARD_MS,
  clearAutoResume,
  clearSignedInHint,
  hasSignedInHint,
  markAutoResumeStarted,
  mayAutoResume,
  setSignedInHint,
} from './session-hint.ts';
import { MemoryStorage } from '../testing/memory-storage.ts';

describe('signed-in hint', () => {
  it('is set, read and removed', () => {
    const storage = new MemoryStorage();
    expect(hasSignedInHint(storage)).toBe(false);
    setSignedInHint(storage);
    expect(storage.getItem('firmafon-dashboard.was-signed-in')).toBe('1');
    expect(hasSignedInHint(storage)).toBe(true);
    clearSignedInHint(storage);
    expect(hasSignedInHint(storage)).toBe(false);
  });
});

describe('automatic resume loop guard', () => {
  it('allows a resume when none happened, refuses another within a minute, allows it after', () => {
    const storage = new MemoryStorage();
    expect(mayAutoResume(storage, 1000)).toBe(true);
    markAutoResumeStarted(storage, 1000);
    expect(mayAutoResume(storage, 1000 + AUTO_RESUME_GUARD_MS - 1)).toBe(false);
    expect(mayAutoResume(storage, 1000 + AUTO_RESUME_GUARD_MS + 1)).toBe(true);
  });

  it('allows a resume again once the last one succeeded', () => {
    const storage = new MemoryStorage();
    markAutoResumeStarted(storage, 1000);
    clearAutoResume(storage);
    expect(mayAutoResume(storage, 1001)).toBe(true);
  });
});
