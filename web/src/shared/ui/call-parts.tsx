/**
 * Small pieces of a call that several features show: direction, status, a party (name and number, with a slot
 * for an action such as "call back"), talk time, a time. Everything from the call is rendered as React text
 * (names are untrusted).
 */
import type { ReactNode } from 'react';
import type { Call } from '@common/call-schemas.ts';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { formatCallTime, formatDuration, formatFullTime } from '../format/format.ts';
import { callWords, labelOf } from '../messages.ts';
import { isMissed, partyOf, talkSeconds } from '../model/call.ts';

const DIRECTION_ICON: Record<string, string> = { incoming: '↙', outgoing: '↗' };
const STATUS_ICON: Record<string, string> = {
  answered: '✓',
  missed: '✕',
  orphaned: '✕',
  voicemail: '✉',
  ringing: '…',
  new: '…',
};

export function DirectionLabel({ direction }: { direction: string | null }) {
  const t = useMessages(callWords);
  if (!direction) return <span className="muted">{t.unknown}</span>;
  return (
    <span className={`call-tag call-tag--${direction === 'incoming' || direction === 'outgoing' ? direction : 'other'}`}>
      <span aria-hidden="true" className="call-tag__icon">
        {DIRECTION_ICON[direction] ?? '•'}
      </span>
      {labelOf(t.direction, direction) ?? direction}
    </span>
  );
}

export function StatusLabel({ status }: { status: string | null }) {
  const t = useMessages(callWords);
  if (!status) return <span className="muted">{t.unknown}</span>;
  const tone = status === 'answered' ? 'ok' : isMissed({ status }) ? 'missed' : 'other';
  return (
    <span className={`call-tag call-tag--${tone}`}>
      <span aria-hidden="true" className="call-tag__icon">
        {STATUS_ICON[status] ?? '•'}
      </span>
      {labelOf(t.status, status) ?? status}
    </span>
  );
}

/**
 * A phone number as people read it (`+45 12 34 56 78`), with an optional action beside it (e.g. "call back"),
 * or "Hidden number". `number` is already formatted.
 */
export function PhoneNumber({ number, action }: { number: string | null; action?: ReactNode }) {
  const t = useMessages(callWords);
  if (number === null) return <span className="party__number party--hidden">{t.hiddenNumber}</span>;
  return (
    <span className="party__number">
      {number}
      {action ?? null}
    </span>
  );
}

/** Name over number, the number alone, or "Hidden number"; `action` goes beside the number. */
export function PartyLabel({ call, side, action }: { call: Call; side: 'from' | 'to'; action?: ReactNode }) {
  const party = partyOf(call, side);
  const number = party.hidden ? null : party.number;
  if (party.name) {
    return (
      <span className="party">
        <span className="party__name" title={party.name}>
          {party.name}
        </span>
        <PhoneNumber number={number} action={action} />
      </span>
    );
  }
  return (
    <span className="party">
      <PhoneNumber number={number} action={action} />
    </span>
  );
}

/** "Mette Jensen" (or her number), else "—". */
export function AnsweredByLabel({ call }: { call: Call }) {
  const t = useMessages(callWords);
  const name = call.answered_by?.name?.trim() || call.answered_by?.number;
  if (!name) return <NoValue label={call.answered_at ? '' : t.notAnswered} />;
  return (
    <span className="party__name" title={name}>
      {name}
    </span>
  );
}

/** A dash for screens; assistive technology hears `label` instead (or nothing). */
export function NoValue({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      {label ? <span className="visually-hidden">{label}</span> : null}
    </>
  );
}

export function TalkTime({ call }: { call: Call }) {
  const t = useMessages(callWords);
  const { locale } = useLocale();
  const seconds = talkSeconds(call);
  if (seconds === null) return <NoValue label={t.noDurationLabel} />;
  return <span className="call-num">{formatDuration(seconds, locale)}</span>;
}

/** `<time>` with the machine-readable instant; `now` decides between "14:03" and "28 Nov 2026, 14:03". */
export function CallTime({ iso, now, full = false }: { iso: string; now: number; full?: boolean }) {
  const { locale } = useLocale();
  const intl = INTL_LOCALE[locale];
  return (
    <time dateTime={iso} title={full ? undefined : formatFullTime(iso, intl)}>
      {full ? formatFullTime(iso, intl) : formatCallTime(iso, intl, now)}
    </time>
  );
}
