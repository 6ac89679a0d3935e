/**
 * Phone numbers as Firmafon stores them (country calling code, no `+` or `00`: `4571999999`) and as
 * people read and type them. Pure; used by the SPA (display, filter input) and the sandbox (data).
 */

/** Separators people put inside numbers: spaces (incl. no-break), dots, dashes, slashes, parentheses. */
const SEPARATORS = /[\s.\-/()\u00a0]/g;

/** E.164 §6.1: at most 15 digits including the country calling code. */
const MAX_DIGITS = 15;
const MIN_DIGITS = 3;

/**
 * Turns what a person typed into Firmafon's form: `+45 12 34 56 78`, `0045 12345678`, `(+45) 1234-5678`,
 * `12345678` → `4512345678`. Eight digits without a prefix are taken as a Danish number (the default country).
 * Other digit strings without `+`/`00` are assumed to already carry a calling code, as Firmafon's own are.
 * Returns null when the input cannot be a phone number (letters, several `+`, too short or too long).
 */
export function normalizePhoneNumber(input: string, defaultCountryCode = '45'): string | null {
  const compact = input.trim().replace(SEPARATORS, '');
  if (compact === '') return null;
  let digits: string;
  if (/^\+\d+$/.test(compact)) {
    digits = compact.slice(1);
  } else if (/^00\d+$/.test(compact)) {
    digits = compact.slice(2);
  } else if (/^\d+$/.test(compact)) {
    digits = compact.length === 8 ? `${defaultCountryCode}${compact}` : compact;
  } else {
    return null;
  }
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS || digits.startsWith('0')) return null;
  return digits;
}

/** ITU-T E.164 calling codes of one digit; codes of two digits are listed below, all others have three. */
const ONE_DIGIT_CODES = new Set(['1', '7']);
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** The calling code at the start of an international number in Firmafon's form (`4571999999` → `45`). */
export function callingCodeOf(digits: string): string {
  if (ONE_DIGIT_CODES.has(digits.slice(0, 1))) return digits.slice(0, 1);
  if (TWO_DIGIT_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/**
 * Formats a Firmafon number for people: `4571999999` → `+45 71 99 99 99`. Danish numbers get pairs; other
 * countries keep the calling code apart and the rest in groups of up to three. Short numbers (service
 * numbers, extensions) are shown as they are, and anything that is not a number (e.g. "anonymous") is
 * returned unchanged.
 */
export function formatPhoneNumber(number: string): string {
  const trimmed = number.trim();
  if (!/^\+?\d+$/.test(trimmed)) return number;
  const digits = trimmed.replace(/^\+/, '');
  if (digits.length < 8) return digits;
  if (digits.startsWith('45') && digits.length === 10) {
    return `+45 ${digits.slice(2).match(/\d{2}/g)!.join(' ')}`;
  }
  const cc = callingCodeOf(digits);
  const rest = digits.slice(cc.length);
  const groups = rest.match(/\d{1,3}/g) ?? [];
  return [`+${cc}`, ...groups].join(' ');
}

/** The digits of a number for comparing two numbers (`+45 71 99 99 99` and `4571999999` are the same). */
export function phoneNumberKey(number: string | null | undefined): string | null {
  if (!number) return null;
  return normalizePhoneNumber(number) ?? null;
}
