/**
 * The call-back button for one end of a call, when that end is an outside number (shared/ui/call-back-button.tsx).
 * When the confirmation of a dial is closed, the call queries are refreshed, so a missed call that has now been
 * called back leaves "not called back" as soon as Firmafon lists the new outgoing call.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Call } from '@common/call-schemas.ts';
import { callBackTarget } from '@/shared/model/call-back.ts';
import { CallBackButton } from '@/shared/ui/call-back-button.tsx';
import { callQueries } from '../api/call-queries.ts';

export function CallBackAction({ call, side }: { call: Call; side: 'from' | 'to' }) {
  const queryClient = useQueryClient();
  const onDialled = useCallback(() => void queryClient.invalidateQueries({ queryKey: callQueries.all }), [queryClient]);
  const target = callBackTarget(call, side);
  return target ? <CallBackButton target={target} onDialled={onDialled} /> : null;
}
