/**
 * The number of unheard voicemails beside "Voicemail" in the navigation bar: a visible number for the eye and
 * ", 3 unheard" for the link's accessible name. Loaded lazily by the app's navigation (app/pages.ts `navBadge`),
 * so none of this is in the sign-in page's JavaScript. Nothing is shown while the count is unknown or zero.
 */
import { useQuery } from '@tanstack/react-query';
import { useMessages } from '@/lib/i18n.tsx';
import { voiceMailQueries } from '../api/voice-mail-queries.ts';
import { voicemailMessages } from '../messages.ts';
import '../voicemail.css';

export default function UnheardBadge() {
  const t = useMessages(voicemailMessages);
  const { data } = useQuery(voiceMailQueries.unheardCount());
  if (!data || data.count === 0) return null;
  const text = t.unheardCount(data.count, data.complete);
  return (
    <>
      <span className="vm-nav-badge" aria-hidden="true">
        {data.complete ? data.count : `${data.count}+`}
      </span>
      <span className="visually-hidden">{`, ${text}`}</span>
    </>
  );
}
