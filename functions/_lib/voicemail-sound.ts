/**
 * Fetches a voicemail's sound for the SPA (docs/decisions/0012): the URL Firmafon gave (`sound.url`) is accepted only
 * when it is exactly `{FIRMAFON_URL origin}/api/v1|v2/voice_mails/<id>/sound`, so the bearer token can go nowhere
 * else; the answer streams back only when it is audio, with the few headers a player needs for ranges.
 */
import { refuse, ok, BASE_HEADERS, type Failure, type Result } from './http.ts';
import { discardBody, fetchUpstream } from './upstream.ts';

/** The path of a voicemail's sound, in the v1 form Firmafon documents and the v2 form of its current API. */
const SOUND_PATH_PATTERN = /^\/api\/v[12]\/voice_mails\/\d{1,18}\/sound$/;
const MAX_SOUND_URL_LENGTH = 512;

const INVALID_SOUND_URL: Failure = {
  status: 400,
  error: 'invalid_request',
  description: "Name a voicemail's sound URL from Firmafon in the url parameter, and nothing else in the query string.",
};

/**
 * The sound URL to fetch, or 400. `raw` must be the target written out exactly: Firmafon's origin (as URL parsing
 * normalises FIRMAFON_URL) followed by the sound path, with no userinfo, query, fragment, dot segment or
 * percent-escape. Requiring the parsed URL to serialise back to `raw` means no parser can read it another way.
 */
export function soundTarget(raw: string, firmafonUrl: string): Result<string> {
  const origin = new URL(firmafonUrl).origin;
  if (raw.length > MAX_SOUND_URL_LENGTH || !raw.startsWith(`${origin}/`)) return refuse(INVALID_SOUND_URL);
  if (!SOUND_PATH_PATTERN.test(raw.slice(origin.length))) return refuse(INVALID_SOUND_URL);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return refuse(INVALID_SOUND_URL);
  }
  const exact = parsed.href === raw && parsed.origin === origin && parsed.username === '' && parsed.password === '';
  return exact ? ok(raw) : refuse(INVALID_SOUND_URL);
}

/** The query holds exactly one `url` parameter and nothing else (so no token in a URL, RFC 6750 §2.3). */
export function soundUrlParameter(search: string): Result<string> {
  const params = [...new URLSearchParams(search)];
  const [only] = params;
  if (params.length !== 1 || only === undefined || only[0] !== 'url' || search.includes(';')) return refuse(INVALID_SOUND_URL);
  return ok(only[1]);
}

/** A `Range: bytes=…` header as RFC 9110 §14.1.2 writes it; anything else is ignored (§14.2 lets a server do so). */
const RANGE_PATTERN = /^bytes=\d*-\d*(, ?\d*-\d*){0,4}$/;

/** Response headers the player may see from the sound's answer. */
const PASSED_HEADERS = ['content-type', 'content-length', 'content-range', 'accept-ranges'] as const;

/** Upstream refusals, told in our own words: their bodies are not audio and are not passed on. */
function upstreamRefusal(status: number): Failure {
  if (status === 401) return { status: 401, error: 'invalid_token', description: 'Sign in to play voicemails.', headers: { 'WWW-Authenticate': 'Bearer' } };
  if (status === 403) return { status: 403, error: 'forbidden', description: 'Firmafon does not let you play this voicemail.' };
  if (status === 404) return { status: 404, error: 'not_found', description: 'This voicemail has no sound at Firmafon.' };
  if (status === 429) return { status: 429, error: 'rate_limited', description: 'Firmafon is busy. Please try again shortly.' };
  return { status: 502, error: 'upstream_unavailable', description: 'Firmafon could not give the voicemail sound. Please try again later.' };
}

const NOT_AUDIO: Failure = {
  status: 502,
  error: 'upstream_invalid_response',
  description: 'Firmafon answered with something that is not a sound.',
};

export interface FetchSoundOptions {
  targetUrl: string;
  authorization: string;
  range: string | null;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** Fetches the sound once and streams it back: 200/206 with an audio body, 416 without one, or a failure. */
export async function fetchSound(options: FetchSoundOptions): Promise<Response | Failure> {
  const headers: Record<string, string> = { Authorization: options.authorization, Accept: 'audio/mpeg' };
  if (options.range !== null && RANGE_PATTERN.test(options.range)) headers['Range'] = options.range;
  const answer = await fetchUpstream(
    options.targetUrl,
    { method: 'GET', headers },
    {
      timeoutMs: options.timeoutMs,
      invalidResponseDescription: 'Firmafon answered the sound request with a redirect the dashboard cannot follow.',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  );
  if (!answer.ok) return answer.failure;
  const upstream = answer.value.response;
  const status = upstream.status;
  if (status !== 200 && status !== 206 && status !== 416) {
    await discardBody(upstream);
    return upstreamRefusal(status);
  }
  const passed: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) passed[name] = value;
  }
  if (status === 416) {
    await discardBody(upstream);
    delete passed['content-type'];
    delete passed['content-length'];
    return new Response(null, { status, headers: { ...passed, ...BASE_HEADERS } });
  }
  const mediaType = passed['content-type']?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!/^audio\/[a-z0-9.+-]+$/.test(mediaType)) {
    await discardBody(upstream);
    return NOT_AUDIO;
  }
  return new Response(upstream.body, { status, headers: { ...passed, ...BASE_HEADERS } });
}
