/**
 * A call's route (`nodes`) as a timeline in words: who it rang and for how long, who answered and talked
 * for how long, transfers, phases and receptions. Unknown node types are shown as they come.
 */
import type { CallNode } from '@common/call-schemas.ts';
import { INTL_LOCALE, useLocale, useMessages } from '@/lib/i18n.tsx';
import { callsMessages } from '../messages.ts';
import { formatClockTime } from '@/shared/format/format.ts';
import { describeNode } from '../model/route.ts';

export function CallRoute({ nodes, endpointNames }: { nodes: readonly CallNode[]; endpointNames: ReadonlyMap<string, string> }) {
  const t = useMessages(callsMessages);
  const { locale } = useLocale();
  if (nodes.length === 0) return <p className="muted">{t.noRoute}</p>;
  const sorted = [...nodes].sort((a, b) => Date.parse(a.started_at ?? '') - Date.parse(b.started_at ?? '') || 0);
  return (
    <ol className="call-route">
      {sorted.map((node, index) => {
        const name =
          node.endpoint_name?.trim() || (node.endpoint ? endpointNames.get(node.endpoint) ?? node.endpoint : t.someone);
        const { text, detail } = describeNode(node, name, t, locale);
        const tone = node.answered_at !== null ? 'ok' : node.node_type === 'employee' ? 'missed' : 'other';
        return (
          <li key={node.node_uuid ?? index} className={`call-route__step call-route__step--${tone}`}>
            {node.started_at ? (
              <time className="call-route__time" dateTime={node.started_at}>
                {formatClockTime(node.started_at, INTL_LOCALE[locale])}
              </time>
            ) : null}
            <span className="call-route__text">{text}</span>
            {detail ? <span className="call-route__detail">{detail}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
