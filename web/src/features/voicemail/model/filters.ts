/**
 * Voicemail filters as they live in the URL (`?endpoint=Reception%231&unheard=1`): shareable, kept on reload and by
 * Back. The URL is user input: an unknown or malformed value is dropped, never sent to Firmafon.
 *
 * `GET /voice_mails` filters by reception (`endpoint`) but not by heard: "unheard only" is applied in the browser to
 * the messages loaded so far, and the page says so.
 */
import type { VoiceMail, VoiceMailsQuery } from '@common/voice-mail-schemas.ts';

export interface VoiceMailFilters {
  /** `Reception#1`. */
  endpoint?: string;
  /** Only messages nobody has heard yet (among those loaded). */
  unheard?: true;
}

const ENDPOINT_PATTERN = /^[A-Za-z][A-Za-z_]*#[A-Za-z0-9_-]{1,64}$/;

export function filtersFromSearchParams(search: URLSearchParams): VoiceMailFilters {
  const filters: VoiceMailFilters = {};
  const endpoint = search.get('endpoint');
  if (endpoint && ENDPOINT_PATTERN.test(endpoint)) filters.endpoint = endpoint;
  if (search.get('unheard') === '1') filters.unheard = true;
  return filters;
}

/** The inverse of {@link filtersFromSearchParams} for valid filters; parameters in a fixed order. */
export function filtersToSearchParams(filters: VoiceMailFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.endpoint) search.set('endpoint', filters.endpoint);
  if (filters.unheard) search.set('unheard', '1');
  return search;
}

export function hasActiveFilters(filters: VoiceMailFilters): boolean {
  return Boolean(filters.endpoint || filters.unheard);
}

/** What Firmafon filters on (without `limit` and the cursor): only the reception. */
export function filtersToVoiceMailsQuery(filters: VoiceMailFilters): VoiceMailsQuery {
  return filters.endpoint ? { endpoint: filters.endpoint } : {};
}

/** What the server does not filter on, applied to loaded messages. */
export function applyLocalFilters(voiceMails: readonly VoiceMail[], filters: VoiceMailFilters): VoiceMail[] {
  return filters.unheard ? voiceMails.filter((voiceMail) => !voiceMail.heard) : [...voiceMails];
}
