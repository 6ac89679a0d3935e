/**
 * One voicemail: who left it (contact name, else the number, else "Hidden number"), when (Copenhagen time), how long,
 * which reception; unheard ones in bold with an "Unheard" tag. Actions: Play (opens the player), Mark as heard/unheard,
 * Delete. Beside the caller, the shared "Call +45 …" control (not inside the heading, so the heading stays the
 * caller's name), absent for a hidden number.
 * Everything from Firmafon is React text.
 */
import { memo, useId } from 'react';
import type { VoiceMail } from '@common/voice-mail-schemas.ts';
import { Button } from '@/shared/ui/button.tsx';
import { CallBackButton } from '@/shared/ui/call-back-button.tsx';
import { CallTime, NoValue, PhoneNumber } from '@/shared/ui/call-parts.tsx';
import { formatDuration } from '@/shared/format/format.ts';
import { useLocale, useMessages } from '@/lib/i18n.tsx';
import { voicemailMessages } from '../messages.ts';
import { callBackTargetOf, callerOf, soundPathOf } from '../model/voice-mail.ts';
import { VoicemailPlayer } from './voicemail-player.tsx';

export interface VoicemailRowProps {
  voiceMail: VoiceMail;
  now: number;
  /** The reception's name when Firmafon left it out of the message. */
  receptionName: string | null;
  playing: boolean;
  onPlay: (voiceMail: VoiceMail) => void;
  onStarted: (voiceMail: VoiceMail) => void;
  onClosePlayer: () => void;
  onSetHeard: (voiceMail: VoiceMail, heard: boolean) => void;
  onDelete: (voiceMail: VoiceMail, opener: HTMLElement) => void;
}

/** The caller in words: name, else number, else "Hidden number". */
export function callerText(voiceMail: VoiceMail, hiddenNumber: string): string {
  const caller = callerOf(voiceMail);
  return caller.name ?? caller.number ?? hiddenNumber;
}

export const VoicemailRow = memo(function VoicemailRow({
  voiceMail,
  now,
  receptionName,
  playing,
  onPlay,
  onStarted,
  onClosePlayer,
  onSetHeard,
  onDelete,
}: VoicemailRowProps) {
  const t = useMessages(voicemailMessages);
  const { locale } = useLocale();
  const id = useId();
  const caller = callerOf(voiceMail);
  const who = callerText(voiceMail, t.hiddenNumber);
  const soundPath = soundPathOf(voiceMail);
  const unheard = !voiceMail.heard;
  const reception = voiceMail.endpoint_name?.trim() || receptionName;
  const callBack = callBackTargetOf(voiceMail);

  return (
    <li className={`vm-row${unheard ? ' vm-row--unheard' : ''}`} data-voicemail-id={voiceMail.id}>
      <div className="vm-row__main">
        <div className="vm-row__who">
          <h2 id={`${id}-caller`} className="vm-row__caller">
            {caller.name ? <span className="vm-row__name">{caller.name}</span> : null}
            {caller.name && caller.number === null ? null : <PhoneNumber number={caller.number} />}
            {unheard ? <span className="vm-tag">{t.unheardTag}</span> : null}
          </h2>
          {callBack ? <CallBackButton target={callBack} /> : null}
        </div>
        <dl className="vm-row__meta">
          <div>
            <dt>{t.receivedAt}</dt>
            <dd>
              <CallTime iso={voiceMail.created_at} now={now} />
            </dd>
          </div>
          <div>
            <dt>{t.duration}</dt>
            <dd>{voiceMail.duration === null ? <NoValue label={t.noSound} /> : formatDuration(voiceMail.duration, locale)}</dd>
          </div>
          <div>
            <dt>{t.reception}</dt>
            <dd>{reception ?? t.unknownReception}</dd>
          </div>
        </dl>
      </div>
      <div className="vm-row__actions">
        {soundPath ? (
          <Button size="sm" onClick={() => onPlay(voiceMail)} aria-label={t.playFrom(who)} aria-expanded={playing}>
            {t.play}
          </Button>
        ) : (
          <span className="muted">{t.noSound}</span>
        )}
        <Button variant="secondary" size="sm" onClick={() => onSetHeard(voiceMail, unheard)} aria-describedby={`${id}-caller`}>
          {unheard ? t.markHeard : t.markUnheard}
        </Button>
        <Button variant="secondary" size="sm" onClick={(event) => onDelete(voiceMail, event.currentTarget)} aria-label={t.deleteFrom(who)}>
          {t.delete}
        </Button>
      </div>
      {playing && soundPath ? (
        <VoicemailPlayer soundPath={soundPath} callerText={who} onStarted={() => onStarted(voiceMail)} onClose={onClosePlayer} />
      ) : null}
    </li>
  );
});
