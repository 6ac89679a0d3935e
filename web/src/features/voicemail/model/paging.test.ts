import { describe, expect, it } from 'vitest';
import type { VoiceMail } from '@common/voice-mail-schemas.ts';
import { mergeVoiceMailPages, nextVoiceMailsCursor, type VoiceMailsCursor } from './paging.ts';

const at = (second: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, 0) - second * 1000).toISOString().replace('.000Z', 'Z');

function message(id: number, secondsAgo: number, extra: Partial<VoiceMail> = {}): VoiceMail {
  return {
    id,
    created_at: at(secondsAgo),
    heard: true,
    duration: 9,
    from_number: '4512345678',
    from_contact: null,
    endpoint: 'Reception#1',
    endpoint_name: 'Main',
    sound: { formats: ['audio/mpeg'], url: `http://127.0.0.1:8899/api/v1/voice_mails/${id}/sound` },
    ...extra,
  };
}

/** Firmafon's behaviour: newest first (then by id), `created_at <= cursor`, at most `limit`. */
function serve(all: readonly VoiceMail[], cursor: VoiceMailsCursor, firstLimit: number): VoiceMail[] {
  const bound = cursor === null ? Number.POSITIVE_INFINITY : Date.parse(cursor.before);
  return [...all]
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id)
    .filter((m) => Date.parse(m.created_at) <= bound)
    .slice(0, cursor?.limit ?? firstLimit);
}

function pageThrough(all: readonly VoiceMail[], limit: number) {
  const pages: VoiceMail[][] = [];
  let cursor: VoiceMailsCursor = null;
  for (;;) {
    pages.push(serve(all, cursor, limit));
    const next = nextVoiceMailsCursor(pages, cursor, limit);
    if (next === null) break;
    cursor = next;
    if (pages.length > 500) throw new Error('paging did not end');
  }
  return { pages, merged: mergeVoiceMailPages(pages) };
}

describe('voicemail paging', () => {
  it('stops after the first page when it is shorter than the limit', () => {
    const all = [message(3, 0), message(2, 10), message(1, 20)];
    const { pages, merged } = pageThrough(all, 30);
    expect(pages).toHaveLength(1);
    expect(merged.map((m) => m.id)).toEqual([3, 2, 1]);
  });

  it('asks for the next page at the oldest second seen, inclusive, and keeps each message once', () => {
    const all = Array.from({ length: 95 }, (_, i) => message(1000 - i, i * 60));
    const { pages, merged } = pageThrough(all, 30);
    expect(pages.length).toBeGreaterThan(3);
    expect(merged.map((m) => m.id)).toEqual(all.map((m) => m.id));
    // Every page after the first starts with the message the previous page ended on (the inclusive bound).
    expect(pages[1]?.[0]?.id).toBe(pages[0]?.at(-1)?.id);
  });

  it('finds every message when several share one second across a page boundary', () => {
    const all = [
      ...Array.from({ length: 28 }, (_, i) => message(500 - i, i)),
      // Five messages in one second, straddling the end of the first page of 30.
      ...[470, 469, 468, 467, 466].map((id) => message(id, 100)),
      ...Array.from({ length: 40 }, (_, i) => message(400 - i, 200 + i)),
    ];
    const { merged } = pageThrough(all, 30);
    expect(merged).toHaveLength(all.length);
    expect(new Set(merged.map((m) => m.id)).size).toBe(all.length);
  });

  it('asks a full second again with the largest limit before stepping past it', () => {
    const burst = Array.from({ length: 45 }, (_, i) => message(900 - i, 50));
    const all = [message(999, 0), ...burst, message(1, 500)];
    const { merged } = pageThrough(all, 30);
    expect(merged).toHaveLength(all.length);
  });

  it('steps one second back when even the largest page is one second, so paging ends', () => {
    const burst = Array.from({ length: 120 }, (_, i) => message(900 - i, 50));
    const all = [...burst, message(1, 500)];
    const { merged } = pageThrough(all, 30);
    expect(merged.map((m) => m.id)).toContain(1);
    expect(merged).toHaveLength(101);
  });

  it('ends at an exact multiple of the limit with one empty-of-news page', () => {
    const all = Array.from({ length: 60 }, (_, i) => message(100 - i, i * 10));
    const { pages, merged } = pageThrough(all, 30);
    expect(merged).toHaveLength(60);
    expect(pages.length).toBeLessThanOrEqual(4);
  });

  it('stops when the server ignores the cursor instead of asking for ever', () => {
    const page = Array.from({ length: 30 }, (_, i) => message(100 - i, i));
    const first = nextVoiceMailsCursor([page], null, 30);
    expect(first).not.toBeNull();
    expect(nextVoiceMailsCursor([page, page], first, 30)).toBeNull();
  });

  it('merges pages newest first, then by id, keeping the first copy of an id', () => {
    const fresh = message(2, 10, { heard: false });
    const merged = mergeVoiceMailPages([[fresh, message(1, 10)], [message(2, 10), message(3, 0)]]);
    expect(merged.map((m) => m.id)).toEqual([3, 2, 1]);
    expect(merged[1]?.heard).toBe(false);
  });
});
