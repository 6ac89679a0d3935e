/**
 * The browser's own audio player for one voicemail. The recording is fetched through our origin with the token in a
 * header (api/voice-mail-sound.ts), played from a Blob URL — so seeking, speed and the keyboard work natively — and
 * the Blob URL is revoked when the player closes or fetches again. Tells its row once playback has started.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Alert } from '@/shared/ui/alert.tsx';
import { Button } from '@/shared/ui/button.tsx';
import { Spinner } from '@/shared/ui/spinner.tsx';
import { useMessages } from '@/lib/i18n.tsx';
import { getVoiceMailSound } from '../api/voice-mail-sound.ts';
import { voicemailMessages } from '../messages.ts';

export const PLAYBACK_RATES = [1, 1.5, 2] as const;

export interface VoicemailPlayerProps {
  /** From model/voice-mail.ts `soundPathOf`. */
  soundPath: string;
  /** Who left it, for the player's name. */
  callerText: string;
  /** Called once, when playback first starts. */
  onStarted: () => void;
  onClose: () => void;
}

type State = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error' };

export function VoicemailPlayer({ soundPath, callerText, onStarted, onClose }: VoicemailPlayerProps) {
  const t = useMessages(voicemailMessages);
  const id = useId();
  const audioRef = useRef<HTMLAudioElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [rate, setRate] = useState<number>(1);
  const started = useRef(false);
  const onStartedRef = useRef(onStarted);
  useEffect(() => {
    onStartedRef.current = onStarted;
  }, [onStarted]);

  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    getVoiceMailSound(soundPath, controller.signal).then(
      (blob) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setState({ status: 'ready', url });
      },
      () => {
        if (!controller.signal.aborted) setState({ status: 'error' });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [soundPath, attempt]);

  // Play as soon as the recording is there: the person pressed "Play" a moment ago.
  const readyUrl = state.status === 'ready' ? state.url : null;
  useEffect(() => {
    const audio = audioRef.current;
    if (!readyUrl || !audio) return;
    audio.playbackRate = rate;
    audio.play().catch(() => {
      // Autoplay refused or interrupted: the controls are there to press play.
    });
    // `rate` is applied by its own effect; starting again on a speed change would restart the message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readyUrl]);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
  }, [rate, readyUrl]);

  const onPlaying = () => {
    if (started.current) return;
    started.current = true;
    onStartedRef.current();
  };

  return (
    <div className="vm-player">
      {state.status === 'loading' ? <Spinner label={t.loadingSound} /> : null}
      {state.status === 'error' ? (
        <Alert
          tone="danger"
          actions={
            <Button variant="secondary" size="sm" onClick={() => {
                setState({ status: 'loading' });
                setAttempt((n) => n + 1);
              }}>
              {t.tryAgain}
            </Button>
          }
        >
          <p>{t.soundFailed}</p>
        </Alert>
      ) : null}
      {readyUrl ? (
        <div className="vm-player__controls">
          <audio ref={audioRef} className="vm-player__audio" controls src={readyUrl} aria-label={t.player(callerText)} onPlaying={onPlaying} />
          <div className="vm-player__speed">
            <label htmlFor={`${id}-speed`}>{t.speed}</label>
            <select id={`${id}-speed`} value={String(rate)} onChange={(event) => setRate(Number(event.target.value))}>
              {PLAYBACK_RATES.map((value) => (
                <option key={value} value={String(value)}>
                  {`${value}×`}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <Button variant="ghost" size="sm" onClick={onClose}>
        {t.close}
      </Button>
    </div>
  );
}
