/** A running time ("1 min 05 s") since a moment on Firmafon's clock; re-renders itself each second, nothing else. */
import { useLocale } from '@/lib/i18n.tsx';
import { formatDuration } from '../format/format.ts';
import { useSecondClock } from '../hooks/use-second-clock.ts';
import { elapsedSeconds } from '../model/live-calls.ts';

export function Elapsed({ since, skewMs, className }: { since: number; skewMs: number; className?: string }) {
  const now = useSecondClock();
  const { locale } = useLocale();
  return (
    <span className={className} data-elapsed="">
      {formatDuration(elapsedSeconds(since, now, skewMs), locale)}
    </span>
  );
}
