import { describe, expect, it } from 'vitest';
import { callBackTargetOf, callerOf, countUnheard, soundPathOf } from './voice-mail.ts';

describe('a voicemail as it reads', () => {
  it('names the caller by contact, else by formatted number, else as hidden', () => {
    expect(callerOf({ from_contact: { id: 1, name: ' Anna ', number: null, email: null }, from_number: '4512345678' })).toEqual({
      name: 'Anna',
      number: '+45 12 34 56 78',
    });
    expect(callerOf({ from_contact: null, from_number: '4512345678' })).toEqual({ name: null, number: '+45 12 34 56 78' });
    expect(callerOf({ from_contact: { id: null, name: '  ', number: null, email: null }, from_number: null })).toEqual({ name: null, number: null });
    expect(callerOf({ from_contact: null, from_number: 'anonymous' })).toEqual({ name: null, number: null });
  });

  it('calls back the caller’s number, never a hidden one', () => {
    expect(callBackTargetOf({ from_number: '4512345678' })).toEqual({ display: '+45 12 34 56 78', digits: '4512345678' });
    expect(callBackTargetOf({ from_number: '+45 12 34 56 78' })).toEqual({ display: '+45 12 34 56 78', digits: '4512345678' });
    expect(callBackTargetOf({ from_number: null })).toBeNull();
    expect(callBackTargetOf({ from_number: '' })).toBeNull();
    expect(callBackTargetOf({ from_number: 'anonymous' })).toBeNull();
  });

  it('fetches the sound through our origin, upgrading Firmafon’s documented http URL', () => {
    expect(soundPathOf({ sound: { formats: [], url: 'http://app.firmafon.dk/api/v1/voice_mails/302667/sound' } })).toBe(
      '/api/voicemail-sound?url=https%3A%2F%2Fapp.firmafon.dk%2Fapi%2Fv1%2Fvoice_mails%2F302667%2Fsound',
    );
    expect(soundPathOf({ sound: { formats: [], url: 'http://127.0.0.1:8899/api/v1/voice_mails/1/sound' } })).toBe(
      '/api/voicemail-sound?url=http%3A%2F%2F127.0.0.1%3A8899%2Fapi%2Fv1%2Fvoice_mails%2F1%2Fsound',
    );
    expect(soundPathOf({ sound: null })).toBeNull();
    expect(soundPathOf({ sound: { formats: [], url: null } })).toBeNull();
  });

  it('counts unheard messages', () => {
    expect(countUnheard([{ heard: true }, { heard: false }, { heard: false }])).toBe(2);
  });
});
