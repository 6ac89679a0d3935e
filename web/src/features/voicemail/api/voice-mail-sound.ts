/**
 * A voicemail's recording, fetched through `/api/voicemail-sound` with the token in `Authorization` (never in a URL)
 * and handed back as a Blob the page plays from a Blob URL (docs/decisions/0012).
 */
import { ApiError } from '@/lib/api-error.ts';
import { networkErrorCode } from '@/lib/api-error.ts';
import { dropTokenOn401, errorFromResponse, requireToken } from './firmafon-write.ts';

/** `path` is from model/voice-mail.ts `soundPathOf`. */
export async function getVoiceMailSound(path: string, signal?: AbortSignal): Promise<Blob> {
  const token = requireToken();
  let response: Response;
  try {
    response = await fetch(path, { cache: 'no-store', headers: { Authorization: `Bearer ${token}` }, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: networkErrorCode, message: 'Could not reach the server' });
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    dropTokenOn401(error, token);
    throw error;
  }
  return response.blob();
}
