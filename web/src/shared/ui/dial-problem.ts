/** Why a dial failed, in the terms the call-back dialog explains it. Pure. */
import { ApiError } from '@/lib/api-error.ts';
import { RepeatDialError } from '../api/dial.ts';
import { errorKindOf, type ErrorKind } from './error-kind.ts';

/**
 * `refused`: Firmafon understood and said no (422: no switch, or a number it will not call). `repeat`: not sent,
 * because this browser dialled the same number moments ago (another tab, most likely).
 */
export type DialProblem = 'refused' | 'repeat' | ErrorKind;

export function dialProblemOf(error: unknown): DialProblem {
  if (error instanceof RepeatDialError) return 'repeat';
  if (error instanceof ApiError && error.status === 422) return 'refused';
  return errorKindOf(error);
}
