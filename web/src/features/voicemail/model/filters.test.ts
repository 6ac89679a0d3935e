import { describe, expect, it } from 'vitest';
import type { VoiceMail } from '@common/voice-mail-schemas.ts';
import {
  applyLocalFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  filtersToVoiceMailsQuery,
  hasActiveFilters,
  type VoiceMailFilters,
} from './filters.ts';

describe('voicemail filters in the URL', () => {
  it('reads a reception and "unheard only"', () => {
    expect(filtersFromSearchParams(new URLSearchParams('endpoint=Reception%232&unheard=1'))).toEqual({ endpoint: 'Reception#2', unheard: true });
  });

  it('drops values that are not valid', () => {
    expect(filtersFromSearchParams(new URLSearchParams('endpoint=<script>&unheard=yes&other=1'))).toEqual({});
    expect(filtersFromSearchParams(new URLSearchParams('endpoint=Reception%23'))).toEqual({});
  });

  it('writes what it reads, in a fixed order', () => {
    const cases: VoiceMailFilters[] = [{}, { unheard: true }, { endpoint: 'Reception#1' }, { unheard: true, endpoint: 'Reception#1' }];
    for (const filters of cases) expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
    expect(filtersToSearchParams({ unheard: true, endpoint: 'Reception#1' }).toString()).toBe('endpoint=Reception%231&unheard=1');
  });

  it('sends only the reception to Firmafon; "unheard" is applied to loaded messages', () => {
    expect(filtersToVoiceMailsQuery({ endpoint: 'Reception#1', unheard: true })).toEqual({ endpoint: 'Reception#1' });
    expect(filtersToVoiceMailsQuery({ unheard: true })).toEqual({});
    const loaded = [{ heard: true }, { heard: false }] as VoiceMail[];
    expect(applyLocalFilters(loaded, { unheard: true })).toEqual([{ heard: false }]);
    expect(applyLocalFilters(loaded, {})).toHaveLength(2);
  });

  it('knows when a filter is on', () => {
    expect(hasActiveFilters({})).toBe(false);
    expect(hasActiveFilters({ unheard: true })).toBe(true);
  });
});
