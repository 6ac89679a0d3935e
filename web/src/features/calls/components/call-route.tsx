/**
 * A call's route (`nodes`) as a timeline in words: who it rang and for how long, who answered and talked
 * for how long, transfers, phases and receptions. Unknown node types are shown as they come.
 */
import type { CallNode } from '../../../../../common/firmafon-schemas.ts';
import { INTL_LOCALE, useLocale, useMessages } from '../../../lib/i18n.tsx';
import { callsMessages, type CallsMessages } from '../messages.ts';
import { formatClockTime, formatDuration, secondsBetween, type UiLocale } from '../model/format.ts';

/** What one step of the route means, in words. */
export function describeNode(
  node: CallNode,
  name: string,
  t: CallsMessages,
  locale: UiLocale,
): { text: string; detail: string | null } {
  const type = node.node_type ?? '';
  const answered = node.answered_at !== null;
  const ringSeconds = secondsBetween(node.started_at, node.answered_at ?? node.ended_at);
  const talk = answered ? secondsBetween(node.answered_at, node.ended_at) : null;
  const lasted = secondsBetween(node.started_at, node.ended_at);
  const talkText = talk !== null ? t.nodeTalked(formatDuration(talk, locale)) : null;
  switch (type) {
    case 'employee':
    case 'device':
    case 'user':
      if (answered) return { text: t.nodeAnswered(name), detail: talkText };
      if (node.ended_at === null) return { text: t.nodeRinging(name), detail: null };
      return { text: t.nodeRang(name, formatDuration(ringSeconds ?? 0, locale)), detail: null };
    case 'attended_transfer':
    case 'transfer':
    case 'blind_transfer':
      return { text: t.nodeTransferred(name), detail: talkText };
    case 'phase':
      return { text: t.nodePhase(name), detail: lasted !== null ? t.lasted(formatDuration(lasted, locale)) : null };
    case 'reception':
      return { text: t.nodeReception(name), detail: null };
    case 'voicemail':
      return { text: t.nodeVoicemail(name), detail: lasted !== null ? t.lasted(formatDuration(lasted, locale)) : null };
    default:
      return {
        text: t.nodeOther(type || t.unknown, name),
        detail: [answered ? talkText : null, node.state ? t.nodeState(node.state) : null].filter(Boolean).join(', ') || null,
      };
  }
}

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
