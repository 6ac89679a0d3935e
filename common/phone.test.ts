import { describe, expect, it } from 'vitest';
import { callingCodeOf, formatPhoneNumber, normalizePhoneNumber, phoneNumberKey } from './phone.ts';

describe('normalizePhoneNumber', () => {
  it.each([
    ['+45 12 34 56 78', '4512345678'],
    ['12345678', '4512345678'],
    ['12 34 56 78', '4512345678'],
    ['004512345678', '4512345678'],
    ['0045 1234 5678', '4512345678'],
    ['(+45) 1234-5678', '4512345678'],
    ['+45.12.34.56.78', '4512345678'],
    ['  4512345678  ', '4512345678'],
    ['+46 70 123 45 67', '46701234567'],
    ['0046701234567', '46701234567'],
    ['+1 (212) 555-1234', '12125551234'],
    ['112', '112'],
    ['12\u00a034\u00a056\u00a078', '4512345678'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizePhoneNumber(input)).toBe(expected);
  });

  it('uses the given default country for eight bare digits', () => {
    expect(normalizePhoneNumber('12345678', '46')).toBe('4612345678');
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['12a45678'],
    ['++4512345678'],
    ['45+12345678'],
    ['12'],
    ['+'],
    ['1234567890123456'],
    ['000012345678'],
    ['=1+2'],
  ])('rejects %j', (input) => {
    expect(normalizePhoneNumber(input)).toBeNull();
  });
});

describe('formatPhoneNumber', () => {
  it('shows Danish numbers in pairs after +45', () => {
    expect(formatPhoneNumber('4571999999')).toBe('+45 71 99 99 99');
    expect(formatPhoneNumber('+4512345678')).toBe('+45 12 34 56 78');
  });

  it('keeps a foreign calling code apart and groups the rest in threes', () => {
    expect(formatPhoneNumber('46701234567')).toBe('+46 701 234 567');
    expect(formatPhoneNumber('12125551234')).toBe('+1 212 555 123 4');
    expect(formatPhoneNumber('3541234567')).toBe('+354 123 456 7');
  });

  it('shows short numbers as they are', () => {
    expect(formatPhoneNumber('112')).toBe('112');
    expect(formatPhoneNumber('1813')).toBe('1813');
  });

  it('returns text that is not a number unchanged', () => {
    expect(formatPhoneNumber('anonymous')).toBe('anonymous');
    expect(formatPhoneNumber('')).toBe('');
    expect(formatPhoneNumber('<img src=x>')).toBe('<img src=x>');
  });
});

describe('callingCodeOf', () => {
  it('knows one-, two- and three-digit calling codes', () => {
    expect(callingCodeOf('12125551234')).toBe('1');
    expect(callingCodeOf('74951234567')).toBe('7');
    expect(callingCodeOf('4571999999')).toBe('45');
    expect(callingCodeOf('298123456')).toBe('298');
  });
});

describe('phoneNumberKey', () => {
  it('makes differently written forms of one number equal', () => {
    expect(phoneNumberKey('+45 71 99 99 99')).toBe(phoneNumberKey('4571999999'));
    expect(phoneNumberKey('71999999')).toBe('4571999999');
  });

  it('has no key for missing or non-numbers', () => {
    expect(phoneNumberKey(null)).toBeNull();
    expect(phoneNumberKey('')).toBeNull();
    expect(phoneNumberKey('anonymous')).toBeNull();
  });
});
