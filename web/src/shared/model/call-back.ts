/**
 * Calling someone back: which end of a call is outside the company, the number Firmafon should connect, and the
 * guard that lets only one dial be in flight at a time. Pure.
 */
import type { Call } from '@common/call-schemas.ts';
import { phoneNumberKey } from '@common/phone.ts';
import type { DialRequest } from '@common/write-contract.ts';
import { partyOf } from './call.ts';

/**
 * The end of the call that is not the company: the caller of an incoming call, the callee of an outgoing one.
 * Null when the direction is unknown (an internal call, or a value Firmafon added later): then neither end is
 * known to be outside, and the dashboard offers no call back.
 */
export function outsideSide(call: Pick<Call, 'direction'>): 'from' | 'to' | null {
  if (call.direction === 'incoming') return 'from';
  if (call.direction === 'outgoing') return 'to';
  return null;
}

/** Whom a call back rings: the number as people read it (for words) and in Firmafon's digit form (for the request). */
export interface CallBackTarget {
  /** `+45 12 34 56 78` */
  display: string;
  /** `4512345678` */
  digits: string;
}

/**
 * The number to call back for `side` of `call`, or null when that end is the company's, hidden, or not a number
 * Firmafon could dial (e.g. "anonymous").
 */
export function callBackTarget(call: Call, side: 'from' | 'to'): CallBackTarget | null {
  if (outsideSide(call) !== side) return null;
  const party = partyOf(call, side);
  if (party.hidden || party.number === null) return null;
  const raw = side === 'from' ? call.from_number : call.to_number;
  const digits = phoneNumberKey(raw);
  return digits ? { display: party.number, digits } : null;
}

/** The body of `POST switch/dial` (common/write-contract.ts). */
export function dialRequestFor(target: Pick<CallBackTarget, 'digits'>): DialRequest {
  return { to_number: target.digits };
}

/** Lets one thing run at a time: `tryStart()` is true for the first caller only, until `finish()`. */
export interface SingleFlight {
  tryStart(): boolean;
  finish(): void;
  readonly busy: boolean;
}

export function createSingleFlight(): SingleFlight {
  let busy = false;
  return {
    tryStart() {
      if (busy) return false;
      busy = true;
      return true;
    },
    finish() {
      busy = false;
    },
    get busy() {
      return busy;
    },
  };
}

/**
 * How long after a dial the same number is not dialled again from this browser (any tab): two tabs showing the
 * same missed call, both confirmed, would otherwise ring the person twice.
 */
export const REPEAT_DIAL_WINDOW_MS = 15_000;
