/** Words for calls in progress (the team board and the top of the calls page), in English and Danish. */
import { defineMessages } from '@/lib/i18n.tsx';
import type { LiveCallState } from '../model/live-calls.ts';

export const liveCallWords = defineMessages({
  en: {
    heading: 'Calls in progress',
    waitingCount: 'Calls waiting',
    longestWait: 'Longest wait',
    noWait: 'none',
    none: 'No calls in progress.',
    state: { waiting: 'In queue', ringing: 'Ringing', talking: 'Talking' } satisfies Record<LiveCallState, string>,
    at: (place: string) => `at ${place}`,
    with: (names: string) => `with ${names}`,
    ringingWho: (names: string) => `ringing ${names}`,
    someone: 'an employee',
    live: 'Live: updated every few seconds.',
    pushed: 'Live: updates as they happen.',
    pushDown: 'Live updates are not reaching the dashboard just now: updated every few seconds instead.',
    connecting: 'Connecting…',
    stale: (time: string) => `Firmafon cannot be reached just now. Showing what was known at ${time}; trying again.`,
    failed: 'Firmafon cannot be reached just now; trying again.',
  },
  da: {
    heading: 'Igangværende opkald',
    waitingCount: 'Opkald i kø',
    longestWait: 'Længste ventetid',
    noWait: 'ingen',
    none: 'Ingen igangværende opkald.',
    state: { waiting: 'I kø', ringing: 'Ringer', talking: 'Taler' },
    at: (place: string) => `på ${place}`,
    with: (names: string) => `med ${names}`,
    ringingWho: (names: string) => `ringer hos ${names}`,
    someone: 'en medarbejder',
    live: 'Live: opdateres med få sekunders mellemrum.',
    pushed: 'Live: opdateres, mens det sker.',
    pushDown: 'Live-opdateringer når ikke frem lige nu: opdateres i stedet med få sekunders mellemrum.',
    connecting: 'Forbinder…',
    stale: (time: string) => `Firmafon kan ikke nås lige nu. Viser det, der var kendt kl. ${time}; prøver igen.`,
    failed: 'Firmafon kan ikke nås lige nu; prøver igen.',
  },
});
