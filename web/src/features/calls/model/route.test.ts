import { describe, expect, it } from 'vitest';
import type { CallNode } from '@common/call-schemas.ts';
import { callsMessages } from '../messages.ts';
import { describeNode } from './route.ts';

const node = (overrides: Partial<CallNode>): CallNode => ({
  node_uuid: 'n1',
  call_uuid: 'c1',
  endpoint: 'Employee#3',
  endpoint_name: null,
  started_at: '2026-11-29T10:00:00Z',
  answered_at: null,
  ended_at: '2026-11-29T10:00:12Z',
  state: 'missed',
  node_type: 'employee',
  ...overrides,
});

describe('describeNode', () => {
  const en = callsMessages.en;
  const da = callsMessages.da;

  it('says whose phone rang, for how long, unanswered', () => {
    expect(describeNode(node({}), 'Mette Jensen', en, 'en')).toEqual({
      text: "Rang Mette Jensen's phone for 12 s — not answered",
      detail: null,
    });
    expect(describeNode(node({}), 'Mette Jensen', da, 'da').text).toBe('Ringede hos Mette Jensen i 12 sek. — ikke besvaret');
  });

  it('says who answered and how long they talked', () => {
    const answered = node({ answered_at: '2026-11-29T10:00:05Z', ended_at: '2026-11-29T10:01:10Z', state: 'answered' });
    expect(describeNode(answered, 'Mette Jensen', en, 'en')).toEqual({
      text: 'Answered by Mette Jensen',
      detail: 'talked for 1 min 05 s',
    });
  });

  it('describes transfers, phases and voicemail', () => {
    expect(describeNode(node({ node_type: 'attended_transfer' }), 'Ole', en, 'en').text).toBe('Transferred to Ole');
    expect(describeNode(node({ node_type: 'phase', endpoint: 'Reception#1' }), 'Hovednummer', en, 'en')).toEqual({
      text: 'Phase: Hovednummer',
      detail: 'lasted 12 s',
    });
    expect(describeNode(node({ node_type: 'voicemail' }), 'Salg', en, 'en').text).toBe('Went to voicemail (Salg)');
  });

  it('shows an unknown node type as it comes, with its state', () => {
    expect(describeNode(node({ node_type: 'ivr_menu', state: 'done' }), 'Menu', en, 'en')).toEqual({
      text: 'ivr_menu: Menu',
      detail: 'state: done',
    });
  });

  it('says a phone is still ringing when the step has not ended', () => {
    expect(describeNode(node({ ended_at: null }), 'Mette', en, 'en').text).toBe("Ringing Mette's phone");
  });
});
