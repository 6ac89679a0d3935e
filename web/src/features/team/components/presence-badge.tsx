/** A presence in words, with a coloured mark and a shape beside it: colour is never the only signal. */
import { useMessages } from '@/lib/i18n.tsx';
import { teamMessages } from '../messages.ts';
import type { Presence } from '../model/presence.ts';

const SHAPE: Record<Presence, string> = { available: '●', ringing: '◐', busy: '■', do_not_disturb: '⊘', unknown: '○' };

export function PresenceBadge({ presence }: { presence: Presence }) {
  const t = useMessages(teamMessages);
  return (
    <span className={`presence presence--${presence}`}>
      <span aria-hidden="true" className="presence__mark">
        {SHAPE[presence]}
      </span>
      {t.presence[presence]}
    </span>
  );
}
