/**
 * Voice mails: a message for most calls that ended in the voicemail, in Firmafon's JSON shape (firmafon-api.md,
 * "Voicemail, click-to-call and writes"). They draw from their own PRNG, after the calls are made, so adding them
 * changed no call, contact or employee of an existing seed.
 */
import { isoWithOffset } from '../../common/copenhagen-time.ts';
import { createPrng, type Prng } from '../prng.ts';
import { COMPANY_ID } from './company.ts';
import { danishNumber } from './numbers.ts';
import type { StoredCall, StoredVoiceMail, VoiceMailJson } from './types.ts';

/**
 * The length in whole seconds of `sandbox/assets/voicemail.mp3`, the one recording every message plays (a test
 * measures the file). Firmafon's voicemail node of the call keeps its own, longer length: the sandbox has one
 * recording, and what a player shows must match what it plays.
 */
export const VOICE_MAIL_SECONDS = 9;

/** The company whose messages fill the gaps in the id sequence (never the signed-in users' company). */
export const OTHER_COMPANY_ID = 2;

const TWO_DAYS = 2 * 86_400;
/** Firmafon-like ids: large, increasing with creation, with gaps where other companies' messages went. */
const FIRST_ID = 300_000;

interface Draft {
  companyId: number;
  createdAt: number;
  fields: Omit<VoiceMailJson, 'id' | 'created_at' | 'heard' | 'duration'>;
}

const secondsOf = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** When the caller started speaking: the call's voicemail node (or its start, if it has none). */
function messageStart(stored: StoredCall): number {
  const node = stored.call.nodes.find((n) => n.node_type === 'voicemail');
  return node ? secondsOf(node.started_at) : stored.startedAt;
}

/**
 * Puts some messages in one second, as the calls have: a few neighbours less than an hour apart, and the three
 * closest consecutive messages always, so paging with the inclusive `created_at_lt_or_eq` meets a shared second.
 * Only ever moves an older message forward onto a newer one's second, so the order stays.
 */
function shareSeconds(prng: Prng, drafts: Draft[]): void {
  for (let i = 1; i < drafts.length; i++) {
    const older = drafts[i - 1];
    const newer = drafts[i];
    if (older && newer && newer.createdAt - older.createdAt <= 3600 && prng.chance(0.08)) older.createdAt = newer.createdAt;
  }
  let best = -1;
  let bestSpan = Infinity;
  for (let j = 2; j < drafts.length; j++) {
    const span = (drafts[j]?.createdAt ?? 0) - (drafts[j - 2]?.createdAt ?? 0);
    if (span < bestSpan) {
      best = j;
      bestSpan = span;
    }
  }
  const target = drafts[best]?.createdAt;
  if (target === undefined) return;
  for (const k of [best - 2, best - 1]) {
    const draft = drafts[k];
    if (draft) draft.createdAt = target;
  }
}

/** Another company's message near `at`: it only takes an id, and lets tests ask for a message that is not theirs. */
function otherCompanyDraft(prng: Prng, at: number): Draft {
  return {
    companyId: OTHER_COMPANY_ID,
    createdAt: at - prng.int(30, 1800),
    fields: {
      from_number: danishNumber(prng),
      from_contact: null,
      endpoint: `Reception#${prng.int(900, 950)}`,
      endpoint_name: 'Hovedkontor',
    },
  };
}

/**
 * The company's voice mails for `calls` (newest first, as generated), newest first. Deterministic for equal
 * `seed`, calls and `nowSec`.
 */
export function generateVoiceMails(calls: readonly StoredCall[], seed: number, nowSec: number): StoredVoiceMail[] {
  const prng = createPrng((Math.imul(seed, 0x9e3779b1) ^ 0x766d61696c) >>> 0);
  const own: Draft[] = [];
  for (let i = calls.length - 1; i >= 0; i--) {
    const stored = calls[i];
    if (!stored || stored.call.direction !== 'incoming' || stored.call.status !== 'voicemail') continue;
    // Some callers hang up at the beep: a voicemail call without a message.
    if (!prng.chance(0.85)) continue;
    const { call } = stored;
    own.push({
      companyId: COMPANY_ID,
      createdAt: messageStart(stored),
      fields: {
        from_number: call.from_number,
        from_contact: call.from_contact ? { ...call.from_contact } : null,
        endpoint: call.endpoint,
        endpoint_name: call.endpoint_name,
      },
    });
  }
  own.sort((a, b) => a.createdAt - b.createdAt);
  shareSeconds(prng, own);
  const others = own.filter((_, i) => i % 4 === 0).map((d) => otherCompanyDraft(prng, d.createdAt));
  const all = [...own, ...others].sort((a, b) => a.createdAt - b.createdAt);

  const newestOwn = own[own.length - 1];
  let id = FIRST_ID + prng.int(0, 5000);
  const stored: StoredVoiceMail[] = all.map((draft) => {
    id += prng.int(1, 40);
    const recent = nowSec - draft.createdAt < TWO_DAYS;
    // Older messages have mostly been listened to; the newest one never has.
    const heard = draft === newestOwn ? false : prng.chance(recent ? 0.3 : 0.93);
    const voiceMail: VoiceMailJson = {
      id,
      created_at: isoWithOffset(draft.createdAt * 1000),
      heard,
      duration: VOICE_MAIL_SECONDS,
      ...draft.fields,
    };
    return { voiceMail, companyId: draft.companyId, createdAt: draft.createdAt };
  });
  return stored.reverse();
}
