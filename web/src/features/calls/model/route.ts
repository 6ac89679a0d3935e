/**
 * A call's route (`nodes`) in words. Pure: takes the messages of the current language, so it is unit-tested
 * in both languages without a DOM.
 */
import type { CallNode } from '@common/call-schemas.ts';
import type { CallsMessages } from '../messages.ts';
import { formatDuration, secondsBetween, type UiLocale } from '@/shared/format/format.ts';

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
