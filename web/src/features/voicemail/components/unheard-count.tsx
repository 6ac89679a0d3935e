/**
 * How many voicemails are unheard, under the inbox's heading ("3 unheard"); nothing while the count is unknown or
 * zero. The count pages the whole history (voiceMailQueries.unheardCount) and is kept current by the list's writes.
 */
import { useQuery } from '@tanstack/react-query';
import { useMessages } from '@/lib/i18n.tsx';
import { voiceMailQueries } from '../api/voice-mail-queries.ts';
import { voicemailMessages } from '../messages.ts';

export function UnheardCount() {
  const t = useMessages(voicemailMessages);
  const { data } = useQuery(voiceMailQueries.unheardCount());
  if (!data || data.count === 0) return null;
  return (
    <p className="vm-unheard-count" role="status">
      {t.unheardCount(data.count, data.complete)}
    </p>
  );
}
