/**
 * The number of unheard voicemails, beside "Voicemail" in the navigation bar (registered as the page's `navBadge`
 * in app/pages.ts, loaded once a person is signed in). Nothing while the count is unknown or zero. The number is
 * shown; assistive technology reads "3 unheard" after the link, whose own name stays "Voicemail".
 */
import { useQuery } from '@tanstack/react-query';
import { useMessages } from '@/lib/i18n.tsx';
import { unheardCountQuery } from '../api/unheard-count.ts';
import { voicemailMessages } from '../messages.ts';

export default function UnheardBadge() {
  const t = useMessages(voicemailMessages);
  const { data } = useQuery(unheardCountQuery());
  if (!data || data.count === 0) return null;
  return (
    <span className="app-nav__badge" data-testid="unheard-badge">
      <span aria-hidden="true">{`${data.count}${data.complete ? '' : '+'}`}</span>
      <span className="visually-hidden">{t.unheardCount(data.count, data.complete)}</span>
    </span>
  );
}
