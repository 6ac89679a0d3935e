/**
 * `POST switch/dial`: Firmafon rings the signed-in employee's own phone, then connects them to `to_number`. A write
 * with a real-world effect, so it is never retried, only one may be in flight in the tab, and across the browser's
 * tabs dials take turns (a Web Lock) and the same number is not dialled twice within a few seconds (a second tab
 * confirming the same call back would ring the person twice).
 */
import { useMutation } from '@tanstack/react-query';
import * as v from 'valibot';
import { DialRequestSchema } from '@common/write-contract.ts';
import { firmafonWriteAccepted } from '@/lib/api-write.ts';
import {
  createSingleFlight,
  dialRequestFor,
  isRepeatDial,
  parseLastDial,
  type CallBackTarget,
  type LastDial,
} from '../model/call-back.ts';

export const dialMutationKey = ['switch', 'dial'] as const;

/** The one dial that may be in flight in this tab; shared by every call-back control. */
export const dialFlight = createSingleFlight();

/** Sends the dial. An accepted request whose answer is not JSON still placed the call, so it counts as done. */
export async function postDial(target: Pick<CallBackTarget, 'digits'>): Promise<void> {
  await firmafonWriteAccepted('POST', '/switch/dial', v.parse(DialRequestSchema, dialRequestFor(target)));
}

/** A dial not sent because this browser dialled the same number moments ago (this tab or another). */
export class RepeatDialError extends Error {
  constructor() {
    super('The same number was dialled from this browser moments ago');
    this.name = 'RepeatDialError';
  }
}

const DIAL_LOCK = 'firmafon-dashboard:dial';
const LAST_DIAL_KEY = 'firmafon-dashboard:last-dial';

async function numberHashOf(digits: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`dial:${digits}`));
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function readLastDial(): LastDial | null {
  try {
    return parseLastDial(window.localStorage.getItem(LAST_DIAL_KEY));
  } catch {
    return null; // Storage blocked: the lock still keeps dials apart.
  }
}

function writeLastDial(lastDial: LastDial): void {
  try {
    window.localStorage.setItem(LAST_DIAL_KEY, JSON.stringify(lastDial));
  } catch {
    // Storage blocked or full: nothing to remember with.
  }
}

/**
 * Dials unless this browser dialled the same number within the repeat window. The check and the record happen
 * while holding a lock shared by every tab, so two tabs cannot both pass the check. Only a dial Firmafon accepted
 * is recorded: after a failure, trying again at once is allowed.
 */
export async function dialOncePerBrowser(target: CallBackTarget): Promise<void> {
  const numberHash = await numberHashOf(target.digits);
  const dialUnlessRepeat = async () => {
    if (isRepeatDial(readLastDial(), numberHash, Date.now())) throw new RepeatDialError();
    await postDial(target);
    writeLastDial({ numberHash, at: Date.now() });
  };
  if ('locks' in navigator) await navigator.locks.request(DIAL_LOCK, dialUnlessRepeat);
  else await dialUnlessRepeat();
}

/**
 * The dial as a mutation. Start it with `dial(target)`, never with `mutate` directly: `dial` claims `dialFlight`
 * synchronously, so a double click or a second Enter in the same tick sends nothing — `isPending` and a disabled
 * button only catch up after React renders.
 */
export function useDial() {
  const mutation = useMutation({
    mutationKey: dialMutationKey,
    mutationFn: async (target: CallBackTarget) => {
      try {
        await dialOncePerBrowser(target);
      } finally {
        dialFlight.finish();
      }
    },
    retry: false,
  });
  const { mutate } = mutation;
  const dial = (target: CallBackTarget): boolean => {
    if (!dialFlight.tryStart()) return false;
    mutate(target);
    return true;
  };
  return { ...mutation, dial };
}
