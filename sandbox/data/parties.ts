/** Who is on the other end of a call: a known contact, an unknown, foreign or hidden number. */
import type { Party, Ctx } from './company.ts';
import { danishNumber } from './numbers.ts';
import type { ContactJson } from './types.ts';

function pickContact(ctx: Ctx): ContactJson {
  if (ctx.hostileContacts.length > 0 && ctx.prng.chance(0.2)) return ctx.prng.pick(ctx.hostileContacts);
  return ctx.prng.pick(ctx.contacts);
}

export function pickCaller(ctx: Ctx): Party {
  const kind = ctx.prng.weighted([
    ['contact', 55],
    ['unknown', 32],
    ['foreign', 5],
    ['hidden', 8],
  ] as const);
  switch (kind) {
    case 'contact': {
      const contact = pickContact(ctx);
      return { number: contact.number, contact, hidden: false };
    }
    case 'unknown':
      return { number: ctx.prng.chance(0.8) ? ctx.prng.pick(ctx.unknownNumbers) : danishNumber(ctx.prng), contact: null, hidden: false };
    case 'foreign':
      return { number: ctx.prng.pick(ctx.foreignNumbers), contact: null, hidden: false };
    case 'hidden':
      return { number: ctx.prng.chance(0.5) ? null : 'anonymous', contact: null, hidden: true };
  }
}

export function pickCallee(ctx: Ctx): Party {
  const kind = ctx.prng.weighted([
    ['contact', 62],
    ['unknown', 33],
    ['foreign', 5],
  ] as const);
  if (kind === 'contact') {
    const contact = pickContact(ctx);
    return { number: contact.number, contact, hidden: false };
  }
  if (kind === 'foreign') return { number: ctx.prng.pick(ctx.foreignNumbers), contact: null, hidden: false };
  return { number: ctx.prng.pick(ctx.unknownNumbers), contact: null, hidden: false };
}
