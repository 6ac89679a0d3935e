/** How a voicemail reads: who left it, whom a call back rings, and where its sound is fetched from. Pure. */
import { formatPhoneNumber, phoneNumberKey } from '@common/phone.ts';
import type { CallBackTarget } from '@/shared/model/call-back.ts';
import type { VoiceMail } from '@common/voice-mail-schemas.ts';
import { VOICEMAIL_SOUND_PATH } from '@common/routes.ts';

export interface Caller {
  /** The contact's name, when Firmafon knows one. */
  name: string | null;
  /** The number as people read it, or null for a hidden number (none, or no digits in it). */
  number: string | null;
}

export function callerOf(voiceMail: Pick<VoiceMail, 'from_contact' | 'from_number'>): Caller {
  const name = voiceMail.from_contact?.name?.trim() || null;
  const raw = voiceMail.from_number?.trim() || null;
  // A caller who hides their number arrives without one or as a word ("anonymous"): "Hidden number".
  return { name, number: raw === null || !/\d/.test(raw) ? null : formatPhoneNumber(raw) };
}

/** Whom "call back" rings for this message: its caller, unless the number is hidden or not one Firmafon could dial. */
export function callBackTargetOf(voiceMail: Pick<VoiceMail, 'from_number'>): CallBackTarget | null {
  const display = callerOf({ from_contact: null, from_number: voiceMail.from_number }).number;
  const digits = phoneNumberKey(voiceMail.from_number);
  return display !== null && digits ? { display, digits } : null;
}

/**
 * The same-origin address that fetches a voicemail's sound (docs/decisions/0012), or null when it has none.
 * Firmafon documents `http://app.firmafon.dk/…` sound URLs; the function accepts only its configured origin, which
 * is https in production, so that one host's `http:` is upgraded (the token is never sent in clear text).
 */
export function soundPathOf(voiceMail: Pick<VoiceMail, 'sound'>): string | null {
  const url = voiceMail.sound?.url?.trim();
  if (!url) return null;
  const upgraded = url.replace(/^http:\/\/app\.firmafon\.dk\//, 'https://app.firmafon.dk/');
  return `${VOICEMAIL_SOUND_PATH}?${new URLSearchParams({ url: upgraded }).toString()}`;
}

/** Unheard messages among `voiceMails`. */
export function countUnheard(voiceMails: readonly Pick<VoiceMail, 'heard'>[]): number {
  return voiceMails.reduce((n, voiceMail) => (voiceMail.heard ? n : n + 1), 0);
}
