/** Words for the parts of a call that several features show (direction, status, parties), in English and Danish. */
import { defineMessages } from '@/lib/i18n.tsx';
import type { KNOWN_DIRECTIONS, KNOWN_STATUSES } from '@common/firmafon-schemas.ts';

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
