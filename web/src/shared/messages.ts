/** Words for the parts of a call that several features show (direction, status, parties), in English and Danish. */
import { defineMessages } from '@/lib/i18n.tsx';
import type { KNOWN_DIRECTIONS, KNOWN_STATUSES } from '@common/call-schemas.ts';
import type { DialProblem } from './ui/dial-problem.ts';

export const callWords = defineMessages({
  en: {
    direction: { incoming: 'Incoming', outgoing: 'Outgoing' } satisfies Record<(typeof KNOWN_DIRECTIONS)[number], string>,
    status: {
      new: 'New',
      ringing: 'Ringing',
      answered: 'Answered',
      missed: 'Missed',
      voicemail: 'Voicemail',
      orphaned: 'Orphaned (missed)',
    } satisfies Record<(typeof KNOWN_STATUSES)[number], string>,
    unknown: 'Unknown',
    hiddenNumber: 'Hidden number',
    notAnswered: 'Not answered',
    noDurationLabel: 'No talk time',
  },
  da: {
    direction: { incoming: 'Indgående', outgoing: 'Udgående' },
    status: {
      new: 'Nyt',
      ringing: 'Ringer',
      answered: 'Besvaret',
      missed: 'Ubesvaret',
      voicemail: 'Telefonsvarer',
      orphaned: 'Afbrudt (ubesvaret)',
    },
    unknown: 'Ukendt',
    hiddenNumber: 'Skjult nummer',
    notAnswered: 'Ikke besvaret',
    noDurationLabel: 'Ingen samtaletid',
  },
});

/** The label for `key` in a table of labels, or undefined for a value Firmafon sent that the table does not know. */
export function labelOf<K extends string>(labels: Readonly<Record<K, string>>, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key as K] : undefined;
}

/** Words for calling someone back (web/src/shared/ui/call-back-button.tsx). `number` is as people read it. */
export const callBackWords = defineMessages({
  en: {
    callNumber: (number: string) => `Call ${number}`,
    dialogTitle: (number: string) => `Call ${number}?`,
    dialogBody: (number: string) => `Firmafon will ring your own phone first. When you answer, it connects you to ${number}.`,
    confirm: 'Call',
    calling: 'Calling…',
    cancel: 'Cancel',
    close: 'Close',
    placed: (number: string) => `Calling ${number} — answer your phone`,
    noSwitch: 'Your Firmafon user has no phone switch, so the dashboard cannot ring you',
    problem: {
      refused: 'Firmafon refused the call. Your Firmafon user may have no phone switch, or the number cannot be called from it.',
      repeat:
        'You called this number from the dashboard a few seconds ago, perhaps in another tab, so it was not called again. If your phone did not ring, try again in a moment.',
      forbidden: 'Your Firmafon user is not allowed to place calls.',
      signedOut: 'You have been signed out. Sign in again to place the call.',
      offline: 'The dashboard could not reach the server, so the call was probably not placed. Check your connection.',
      unavailable: 'Firmafon did not answer properly. If your phone does not ring within a minute, try again.',
      rateLimited: 'Firmafon is receiving too many requests. Wait a moment and try again.',
      invalidResponse: 'Firmafon sent an answer the dashboard does not understand. If your phone does not ring, try again.',
      notFound: 'Firmafon does not offer placing calls for this user.',
      other: 'The call could not be placed.',
    } satisfies Record<DialProblem, string>,
  },
  da: {
    callNumber: (number: string) => `Ring til ${number}`,
    dialogTitle: (number: string) => `Ring til ${number}?`,
    dialogBody: (number: string) => `Firmafon ringer først til din egen telefon. Når du tager den, stiller den dig om til ${number}.`,
    confirm: 'Ring op',
    calling: 'Ringer op…',
    cancel: 'Annuller',
    close: 'Luk',
    placed: (number: string) => `Ringer op til ${number} — tag din telefon`,
    noSwitch: 'Din Firmafon-bruger har ingen telefonomstilling, så dashboardet kan ikke ringe til dig',
    problem: {
      refused: 'Firmafon afviste opkaldet. Din Firmafon-bruger har måske ingen telefonomstilling, eller nummeret kan ikke ringes op.',
      repeat:
        'Du ringede til nummeret fra dashboardet for få sekunder siden, måske i en anden fane, så det blev ikke ringet op igen. Hvis din telefon ikke ringede, så prøv igen om et øjeblik.',
      forbidden: 'Din Firmafon-bruger må ikke foretage opkald.',
      signedOut: 'Du er blevet logget ud. Log ind igen for at ringe op.',
      offline: 'Dashboardet kunne ikke nå serveren, så opkaldet blev sandsynligvis ikke foretaget. Tjek din forbindelse.',
      unavailable: 'Firmafon svarede ikke korrekt. Hvis din telefon ikke ringer inden for et minut, så prøv igen.',
      rateLimited: 'Firmafon får for mange forespørgsler. Vent et øjeblik, og prøv igen.',
      invalidResponse: 'Firmafon sendte et svar, dashboardet ikke forstår. Hvis din telefon ikke ringer, så prøv igen.',
      notFound: 'Firmafon tilbyder ikke opkald for denne bruger.',
      other: 'Opkaldet kunne ikke foretages.',
    },
  },
});
