/**
 * `POST switch/dial`: Firmafon rings the signed-in employee's own phone, then connects them to `to_number`. A write
 * with a real-world effect, so it is never retried, only one may be in flight in the tab, and the same number is not
 * dialled twice within a few seconds from any tab of the browser (a second tab confirming the same call back would
 * ring the person twice): a Web Lock named after the number is taken before the dial and held for that time.
 */
import { useMutation } from '@tanstack/react-query';
import * as v from 'valibot';
import { DialRequestSchema } from '@common/write-contract.ts';
import { firmafonWriteAccepted } from '@/lib/api-write.ts';
import { createSingleFlight, dialRequestFor, REPEAT_DIAL_WINDOW_MS, type CallBackTarget } from '../model/call-back.ts';

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

/**
 * Dials unless this browser dialled the same number within REPEAT_DIAL_WINDOW_MS. The number's Web Lock is taken
 * without waiting (a tab that finds it held does not dial) and, after a dial Firmafon accepted, held for the window;
 * locks are shared by every tab of the origin at once, unlike storage, which reaches other tabs with a delay. After a
 * failed dial the lock goes at once, so the person can try again.
 */
export function dialOncePerBrowser(target: CallBackTarget): Promise<void> {
  if (!('locks' in navigator)) return postDial(target);
  return new Promise<void>((resolve, reject) => {
    navigator.locks
      .request(`firmafon-dashboard:dial:${target.digits}`, { ifAvailable: true }, async (lock) => {
        if (!lock) {
          reject(new RepeatDialError());
          return;
        }
        try {
          await postDial(target);
        } catch (error) {
          reject(error);
          return;
        }
        resolve();
        await new Promise((done) => setTimeout(done, REPEAT_DIAL_WINDOW_MS));
      })
      .catch(reject);
  });
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
