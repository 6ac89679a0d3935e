/** Why a dial failed, in the terms the call-back dialog explains it. Pure. */
import { ApiError } from '@/lib/api-error.ts';
import { errorKindOf, type ErrorKind } from './error-kind.ts';

/** `refused`: Firmafon understood and said no (422: no switch, or a number it will not call). */
export type DialProblem = 'refused' | ErrorKind;

export function dialProblemOf(error: unknown): DialProblem {
  if (error instanceof ApiError && error.status === 422) return 'refused';
  return errorKindOf(error);
}
