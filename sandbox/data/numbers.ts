/** Phone numbers the generator makes up: Danish mobiles and landlines, and a few Swedish, German and Norwegian ones. */
import type { Prng } from '../prng.ts';

const DK_MOBILE_PREFIXES = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '40', '41', '42', '50', '51', '52', '53', '60', '61', '71', '81', '91', '93'];
const DK_LANDLINE_PREFIXES = ['32', '33', '35', '36', '38', '39', '43', '44', '46', '47', '48', '49', '62', '63', '64', '65', '66', '74', '75', '76', '86', '87', '89', '96', '97', '98'];

export function danishNumber(prng: Prng): string {
  const prefix = prng.chance(0.65) ? prng.pick(DK_MOBILE_PREFIXES) : prng.pick(DK_LANDLINE_PREFIXES);
  return `45${prefix}${prng.digits(6)}`;
}

export function foreignNumber(prng: Prng): string {
  return prng.weighted<() => string>([
    [() => `467${prng.pick(['0', '2', '3', '6'])}${prng.digits(7)}`, 3], // Sweden, mobile
    [() => `49151${prng.digits(8)}`, 2], // Germany, mobile
    [() => `4930${prng.digits(8)}`, 1], // Berlin
    [() => `479${prng.digits(7)}`, 1], // Norway
  ])();
}
