/**
 * `POST switch/dial`: Firmafon rings the signed-in employee's own phone, then connects them to `to_number`. A write
 * with a real-world effect, so it is never retried and only one may be in flight in the whole tab (a second
 * request would ring twice).
 */
import { useMutation } from '@tanstack/react-query';
import * as v from 'valibot';
import { DialRequestSchema } from '@common/write-contract.ts';
import { firmafonWriteAccepted } from '@/lib/api-write.ts';
import { createSingleFlight, dialRequestFor, type CallBackTarget } from '../model/call-back.ts';

export const dialMutationKey = ['switch', 'dial'] as const;

/** The one dial that may be in flight in this tab; shared by every call-back control. */
export const dialFlight = createSingleFlight();

/** Sends the dial. An accepted request whose answer is not JSON still placed the call, so it counts as done. */
export async function postDial(target: Pick<CallBackTarget, 'digits'>): Promise<void> {
  await firmafonWriteAccepted('POST', '/switch/dial', v.parse(DialRequestSchema, dialRequestFor(target)));
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
        await postDial(target);
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
