import { describe, expect, it } from 'vitest';
import { makeCall } from '@/shared/testing/make-call.ts';
import { isMissed, partyOf, talkSeconds } from './call.ts';

describe('talkSeconds', () => {
  it('is ended_at − answered_at for an answered call', () => {
    expect(talkSeconds(makeCall({ answered_at: '2026-11-29T10:00:05Z', ended_at: '2026-11-29T10:01:10Z' }))).toBe(65);
  });

  it('prefers talk_duration when Firmafon sends it', () => {
    expect(talkSeconds(makeCall({ talk_duration: 42 }))).toBe(42);
  });

  it('is null when nobody answered', () => {
    expect(talkSeconds(makeCall({ answered_at: null, status: 'missed' }))).toBeNull();
    expect(talkSeconds(makeCall({ answered_at: null, status: 'missed', talk_duration: 0 }))).toBeNull();
  });

  it('is null while an answered call is still going on', () => {
    expect(talkSeconds(makeCall({ ended_at: null }))).toBeNull();
  });
});

describe('partyOf', () => {
  it('gives the contact name and the formatted number', () => {
    const call = makeCall({ from_contact: { id: 1, name: ' Ole Olsen ', number: '4512345678', email: null } });
    expect(partyOf(call, 'from')).toEqual({ name: 'Ole Olsen', number: '+45 12 34 56 78', hidden: false });
  });

  it('marks withheld numbers as hidden', () => {
    expect(partyOf(makeCall({ from_number_hidden: true }), 'from')).toEqual({ name: null, number: null, hidden: true });
    expect(partyOf(makeCall({ from_number: null }), 'from').hidden).toBe(true);
  });

  it('keeps untrusted names as plain text', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(partyOf(makeCall({ to_contact: { id: 1, name, number: null, email: null } }), 'to').name).toBe(name);
  });
});

describe('isMissed', () => {
  it('counts missed, voicemail and orphaned', () => {
    expect(['missed', 'voicemail', 'orphaned', 'answered', 'ringing'].map((status) => isMissed({ status }))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
